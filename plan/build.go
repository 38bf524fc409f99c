package plan

import (
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/podrun/podrun/podspec"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"
)

// DefaultGracePeriodSeconds is terminationGracePeriodSeconds when unset (§0).
const DefaultGracePeriodSeconds = 30

// Build plans every engine object of one run of in.Pod, which is validated and defaulted.
// Errors name what fails to resolve (a missing ConfigMap, Secret or key, an empty subPathExpr
// variable): the kubelet would refuse to create that container (CreateContainerConfigError).
func Build(in *podspec.Input, o Options) (*Plan, error) {
	if in == nil || in.Pod == nil {
		return nil, errors.New("plan: no pod")
	}
	if o.RunID == "" {
		return nil, errors.New("plan: no run id")
	}
	if o.PauseImage == "" {
		return nil, errors.New("plan: no pause image")
	}
	override, err := pullOverride(o.Pull)
	if err != nil {
		return nil, err
	}
	b := newBuilder(in, o)
	p := &Plan{
		RunID:         o.RunID,
		Pod:           b.meta,
		Labels:        b.commonLabels(),
		RestartPolicy: podRestartPolicy(b.pod),
		GracePeriod:   time.Duration(b.gracePeriodSeconds()) * time.Second,
	}
	inits, apps := containerSpecs(b.pod)
	if err := markPrimary(apps, o.Primary); err != nil {
		return nil, err
	}
	p.Primary = o.Primary
	p.Images = planImages(append(append([]containerSpec{}, inits...), apps...), override)
	if err := b.planVolumes(p); err != nil {
		return nil, err
	}
	p.Sandbox = b.buildSandbox(p)
	manifest, err := b.manifest()
	if err != nil {
		return nil, err
	}
	p.Sandbox.Config.Labels[LabelManifest] = manifest
	qos := podQOS(b.pod)
	for _, s := range inits {
		c, err := b.buildContainer(s, qos)
		if err != nil {
			return nil, wrapContainer(s.ctr.Name, err)
		}
		p.Init = append(p.Init, c)
	}
	for _, s := range apps {
		c, err := b.buildContainer(s, qos)
		if err != nil {
			return nil, wrapContainer(s.ctr.Name, err)
		}
		p.Containers = append(p.Containers, c)
	}
	return p, nil
}

// builder carries what every stage of Build reads.
type builder struct {
	in      *podspec.Input
	pod     *corev1.Pod
	opts    Options
	ns      string
	meta    PodMeta
	sandbox string // the sandbox's engine name
	volumes map[string]*podVolume
}

func newBuilder(in *podspec.Input, o Options) *builder {
	pod := in.Pod
	ns := pod.Namespace
	if ns == "" {
		ns = "default"
	}
	hostname, _ := podHostname(pod, ns)
	b := &builder{
		in:      in,
		pod:     pod,
		opts:    o,
		ns:      ns,
		sandbox: sandboxName(pod.Name, ns, o.RunID),
		volumes: map[string]*podVolume{},
	}
	b.meta = PodMeta{
		Name:        pod.Name,
		Namespace:   ns,
		UID:         podUID(pod, ns, o.RunID),
		Hostname:    hostname,
		Labels:      pod.Labels,
		Annotations: pod.Annotations,
	}
	return b
}

// commonLabels go on every object of the run.
func (b *builder) commonLabels() map[string]string {
	l := map[string]string{
		LabelRun:       b.opts.RunID,
		LabelPod:       b.pod.Name,
		LabelNamespace: b.ns,
		LabelGrace:     strconv.FormatInt(b.gracePeriodSeconds(), 10),
	}
	if b.opts.Owner != "" {
		l[LabelOwner] = b.opts.Owner
	}
	if b.opts.Keep {
		l[LabelKeep] = "true"
	}
	return l
}

// manifest is the pod as the sandbox's LabelManifest carries it, for `podrun get`: the defaulted
// pod with the namespace and uid this run gives it. Labels are podrun's only state.
func (b *builder) manifest() (string, error) {
	pod := b.pod.DeepCopy()
	pod.Namespace = b.ns
	pod.UID = types.UID(b.meta.UID)
	pod.APIVersion, pod.Kind = "v1", "Pod"
	data, err := json.Marshal(pod)
	if err != nil {
		return "", fmt.Errorf("plan: encode the pod: %w", err)
	}
	return string(data), nil
}

func (b *builder) gracePeriodSeconds() int64 {
	if g := b.pod.Spec.TerminationGracePeriodSeconds; g != nil {
		return *g
	}
	return DefaultGracePeriodSeconds
}

// podUID is metadata.uid: the manifest's, else one derived from the run, as the API server
// would assign a fresh one to every pod it creates — deterministic, so plans are reproducible.
func podUID(pod *corev1.Pod, ns, runID string) string {
	if pod.UID != "" {
		return string(pod.UID)
	}
	h := sha1.Sum([]byte(runID + "/" + ns + "/" + pod.Name))
	h[6] = h[6]&0x0f | 0x50 // a name-based (version 5) UUID
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
