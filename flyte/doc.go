// Package flyte turns a serialized Flyte task into the Pod flytepropeller would create for it,
// and reads the task's data files the way propeller does. It is the pure part of podrun's Flyte
// support: bytes in, values out; no context, client, clock, logger or file system.
//
// The authority is /work/shared/reference/flyte-pod-semantics.md; comments cite its sections
// ("§3.2"). The Flyte IDL Go module is not used: protobuf messages are read and written with
// protowire from the field numbers of flyteidl's .proto files, which each decoder names.
//
// The pipeline:
//
//	IsTask / Load        recognise and decode every serialized form (§1.4, §1.5), pick the pod
//	                     spec and primary name by task generation (§1.1)
//	AsTask               the same for a plain Pod manifest, with flytekit's primary rules (§2)
//	Task.Pod             propeller's build order (§3.2): placeholders (§3.3), env (§3.4),
//	                     labels and annotations (§3.5), resources (§3.7)
//	EncodeInputs …       inputs.pb, outputs.pb, error.pb (§3.3, §3.9)
//	Outcome, CheckOutputs the task phase from the pod's status, then from the data files (§3.8, §3.9)
//	Departures           where a local run differs from a cluster, as values
package flyte
