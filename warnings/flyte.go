package warnings

import (
	"github.com/podrun/podrun/flyte"
	"github.com/podrun/podrun/podspec"
)

// The flyte family says where running a Flyte task locally departs from a cluster (propeller,
// flytekit and Flyte's webhook): flyte.Departures decides, this file turns its findings into
// warnings. Its codes are documented by package flyte (flyte.DepartureCodes), under the family
// "flyte": flyte.primary-overwritten, flyte.dropped-key, flyte.sidecars-block-completion…

// AnalyzeTask is Analyze for a pod built from a Flyte task (flyte.Task.Pod): every family's
// warnings about the pod, and the flyte family's about the task. in.Raw is the pod the task
// gives, before the API server's defaults. Package podspec cannot carry the task (package flyte
// imports podspec), so it travels beside the input.
func AnalyzeTask(in *podspec.Input, task *flyte.Task) []Warning {
	return analyze(in, task)
}

// checkFlyte wraps the task's departures; a plain pod has none. Their paths are already in the
// task's file (closure.compiledTask.template.k8sPod.podSpec.containers[0].image, or the
// manifest's spec.containers[1] for a Pod run with --primary).
func checkFlyte(p *pass) {
	if p.task == nil {
		return
	}
	for _, d := range flyte.Departures(p.task) {
		p.add(Code(d.Code), d.Path, d.Container, d.Message, d.Hint)
	}
}

// flyteCodeDocs documents the flyte family's codes in this package's terms.
func flyteCodeDocs() []CodeDoc {
	docs := flyte.DepartureCodes()
	out := make([]CodeDoc, len(docs))
	for i, d := range docs {
		out[i] = CodeDoc{Code: Code(d.Code), Severity: Severity(d.Severity), Summary: d.Summary}
	}
	return out
}
