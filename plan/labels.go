package plan

// Labels are the only state podrun keeps on the engine: listing, logs and teardown find objects
// by them, never by name.
const (
	LabelPrefix    = "dev.podrun."
	LabelRun       = LabelPrefix + "run"       // unique id of one run; on every object
	LabelPod       = LabelPrefix + "pod"       // the pod's name
	LabelNamespace = LabelPrefix + "namespace" // the pod's namespace
	LabelContainer = LabelPrefix + "container" // the pod's name for the container
	LabelRole      = LabelPrefix + "role"      // pause, init, sidecar, app, primary
	LabelVolume    = LabelPrefix + "volume"    // the pod's name for a volume
	LabelAttempt   = LabelPrefix + "attempt"   // restart count of this container instance
	LabelOwner     = LabelPrefix + "owner"     // "host/pid" of the podrun process that runs the pod
	LabelGrace     = LabelPrefix + "grace"     // terminationGracePeriodSeconds, for podrun down
	LabelManifest  = LabelPrefix + "manifest"  // on the sandbox: the pod (defaulted) as JSON, for podrun get
	LabelKeep      = LabelPrefix + "keep"      // "true" when the run keeps its objects (--keep): podrun gc leaves them
)
