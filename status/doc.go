// Package status computes a pod's status exactly as the kubelet would report it: phase,
// conditions, container statuses, IPs, QoS class. It is pure: what the runner (or `podrun get`,
// from engine inspect data) observed goes in, a corev1.PodStatus comes out. No engine, no clock:
// times are inputs.
//
// The rules follow kubelet-semantics.md §3 and the kubelet's own code: getPhase
// (kubelet_pods.go), the condition generators (status/generate.go), convertToAPIContainerStatuses,
// the probe manager's started/ready fields, and the status manager's normalisation.
package status
