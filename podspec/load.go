package podspec

import (
	"fmt"
	"os"
	"sort"
)

// Load decodes one manifest. file names the source in messages ("-" for stdin).
//
// data holds YAML or JSON: a Pod, a bare PodSpec, or the pod template of a workload, plus any
// ConfigMaps and Secrets it uses, in one or more documents (or a v1 List). Decoding is strict,
// as the API server's strict field validation: unknown, misspelt and duplicate fields and
// values of the wrong type are errors. The pod is then validated and defaulted.
//
// Any problem gives an ErrorList holding every problem found, each with file, line and path.
func Load(file string, data []byte) (*Input, error) {
	l := newLoader(file)
	for _, doc := range splitDocuments(data) {
		l.loadDocument(doc)
	}
	src := l.onlyPod()
	if src == nil {
		return nil, l.sorted()
	}
	in := &Input{
		File:        file,
		Raw:         src.pod,
		Pod:         src.pod.DeepCopy(),
		ConfigMaps:  l.configMaps,
		Secrets:     l.secrets,
		ObjectLines: l.firstSeen,
		Lines:       src.lines,
		Origin:      src.origin,
	}
	Default(in.Pod)
	for _, e := range Validate(in) {
		if !withinAny(e.Path, src.failed) { // a value that failed to decode is reported once
			l.errs = append(l.errs, e)
		}
	}
	if len(l.errs) > 0 {
		return nil, l.sorted()
	}
	return in, nil
}

// LoadFile reads path and loads it; the caller reads stdin itself and calls Load with "-".
func LoadFile(path string) (*Input, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	return Load(path, data)
}

// onlyPod returns the one pod of the file, reporting none or several as errors.
func (l *loader) onlyPod() *podSource {
	switch len(l.pods) {
	case 0:
		if len(l.errs) == 0 {
			l.add(FieldError{Msg: "no pod found: expected a Pod, a bare PodSpec (containers: at top level), " +
				"or a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob with a pod template"})
		}
		return nil
	case 1:
		return l.pods[0]
	}
	first := l.pods[0]
	for _, p := range l.pods[1:] {
		l.add(FieldError{Line: p.line, Msg: fmt.Sprintf("%s is a second pod in this file; podrun runs one pod per file, and the first is %s",
			describeObject(p.origin.Kind, p.pod.Name, p.origin.Document, p.line),
			describeObject(first.origin.Kind, first.pod.Name, first.origin.Document, first.line))})
	}
	return first
}

// sorted returns the errors in file order; those with no line (about the whole file) last.
func (l *loader) sorted() ErrorList {
	errs := l.errs
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Line, errs[j].Line
		if a == 0 || b == 0 {
			return a != 0 && b == 0
		}
		return a < b
	})
	return errs
}

func withinAny(path string, bases []string) bool {
	for _, b := range bases {
		if isWithin(path, b) {
			return true
		}
	}
	return false
}
