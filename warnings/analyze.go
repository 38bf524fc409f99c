package warnings

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podrun/podrun/flyte"
	"github.com/podrun/podrun/podspec"
)

// family is one group of rules, kept in one file. A family reads the pod as the user wrote it
// (Input.Raw), so defaults the API server would add never produce a warning.
type family struct {
	name  string
	check func(p *pass)
}

// families is the rule set. Adding a family (Flyte's, say) is one file and one line here.
var families = []family{
	{"scheduling", checkScheduling},
	{"identity", checkIdentity},
	{"network", checkNetwork},
	{"volume", checkVolumes},
	{"resources", checkResources},
	{"security", checkSecurity},
	{"probe", checkProbes},
	{"lifecycle", checkLifecycle},
	{"env", checkEnv},
	{"metadata", checkMetadata},
	{"flyte", checkFlyte},
}

// Analyze returns every departure of the pod from what a cluster would do, deduplicated and
// sorted by field path, then code. It never fails: input errors are podspec's.
func Analyze(in *podspec.Input) []Warning { return analyze(in, nil) }

// analyze runs every family; task is the Flyte task the pod was built from, or nil.
func analyze(in *podspec.Input, task *flyte.Task) []Warning {
	if in == nil || in.Raw == nil {
		return nil
	}
	p := &pass{in: in, pod: in.Raw, task: task}
	for _, f := range families {
		f.check(p)
	}
	return normalize(p.out, in)
}

// pass carries one analysis: the input and the warnings found so far.
type pass struct {
	in   *podspec.Input
	pod  *corev1.Pod
	task *flyte.Task // the Flyte task the pod was built from (AnalyzeTask), or nil
	out  []Warning
}

// add records a warning; its severity comes from the code's documentation.
func (p *pass) add(code Code, path, container, message, hint string) {
	sev := SeverityWarning
	if d, ok := Lookup(code); ok {
		sev = d.Severity
	}
	p.out = append(p.out, Warning{
		Code: code, Severity: sev, Path: path, Container: container, Message: message, Hint: hint,
	})
}

// containerKind is a container's role in the kubelet's terms (§1).
type containerKind int

const (
	kindInit    containerKind = iota // regular init container (§1.2)
	kindSidecar                      // init container with restartPolicy Always (§1.3)
	kindApp                          // regular container (§1.4)
)

// containerRef is one container podrun runs, with its path in the manifest.
type containerRef struct {
	c    *corev1.Container
	path string // spec.initContainers[0]
	kind containerKind
}

func (r containerRef) name() string { return r.c.Name }

// containers lists the init containers, then the regular ones: the containers podrun runs.
// Ephemeral containers are not run and have their own rule (lifecycle.go).
func (p *pass) containers() []containerRef {
	spec := &p.pod.Spec
	refs := make([]containerRef, 0, len(spec.InitContainers)+len(spec.Containers))
	for i := range spec.InitContainers {
		c := &spec.InitContainers[i]
		k := kindInit
		if c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways {
			k = kindSidecar
		}
		refs = append(refs, containerRef{c: c, path: index("spec.initContainers", i), kind: k})
	}
	for i := range spec.Containers {
		refs = append(refs, containerRef{c: &spec.Containers[i], path: index("spec.containers", i), kind: kindApp})
	}
	return refs
}

// normalize drops duplicates, sorts by path then code, fills in lines and turns the Pod's paths
// into the paths as written (spec.template.spec… in a Job, containers[0] in a bare PodSpec).
func normalize(ws []Warning, in *podspec.Input) []Warning {
	slices.SortStableFunc(ws, compareWarnings)
	ws = slices.CompactFunc(ws, func(a, b Warning) bool {
		return a.Code == b.Code && a.Path == b.Path && a.Container == b.Container
	})
	for i := range ws {
		ws[i].Line = lineOf(in.Lines, ws[i].Path)
		ws[i].Path = in.Origin.FilePath(ws[i].Path)
	}
	return slices.Clip(ws)
}

func compareWarnings(a, b Warning) int {
	if c := comparePaths(a.Path, b.Path); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
		return c
	}
	return strings.Compare(a.Container, b.Container)
}
