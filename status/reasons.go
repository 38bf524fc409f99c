package status

// Reasons the kubelet and the runtime write into container states and pod conditions (§3.2,
// §3.3). They are API strings: users and tools match on them.
const (
	ReasonContainerCreating = "ContainerCreating"
	ReasonPodInitializing   = "PodInitializing"
	ReasonCrashLoopBackOff  = "CrashLoopBackOff"

	ReasonCompleted     = "Completed"
	ReasonError         = "Error"
	ReasonOOMKilled     = "OOMKilled"
	ReasonStartError    = "StartError"
	ReasonStatusUnknown = "ContainerStatusUnknown"

	ReasonContainersNotReady       = "ContainersNotReady"
	ReasonContainersNotInitialized = "ContainersNotInitialized"
	ReasonPodCompleted             = "PodCompleted"
	ReasonPodFailed                = "PodFailed"
	ReasonReadinessGatesNotReady   = "ReadinessGatesNotReady"
)

// exitStartError is the exit code containerd reports for a process that could not be started.
const exitStartError = 128
