package plan

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// NodeName is what spec.nodeName reads through the downward API when the pod does not pin a
// node (§7.4). The kubelet's node name is its machine's hostname; on a local run the node is the
// local machine, and "localhost" names it on every machine alike, so plans stay reproducible
// (golden files, parallel CI) and the name resolves wherever an application tries it.
const NodeName = "localhost"

// DefaultServiceAccount is spec.serviceAccountName when the pod names none (the API server's
// ServiceAccount admission sets it).
const DefaultServiceAccount = "default"

// fieldValue resolves a downward-API fieldRef (§7.4, the kubelet's podFieldSelectorRuntimeValue).
// Fields that exist only once the sandbox runs (the pod's and the host's IPs) resolve to
// Placeholder(path) with runtime true: the runner substitutes them.
func (b *builder) fieldValue(path string) (value string, runtime bool, err error) {
	pod := b.pod
	switch path {
	case "metadata.name":
		return pod.Name, false, nil
	case "metadata.namespace":
		return b.ns, false, nil
	case "metadata.uid":
		return b.meta.UID, false, nil
	case "metadata.labels":
		return formatMap(pod.Labels), false, nil
	case "metadata.annotations":
		return formatMap(pod.Annotations), false, nil
	case "spec.nodeName":
		if pod.Spec.NodeName != "" {
			return pod.Spec.NodeName, false, nil
		}
		return NodeName, false, nil
	case "spec.serviceAccountName":
		return serviceAccountName(pod), false, nil
	case "status.podIP", "status.podIPs", "status.hostIP", "status.hostIPs":
		return Placeholder(path), true, nil
	}
	if key, ok := subscript(path, "metadata.labels"); ok {
		return pod.Labels[key], false, nil // a missing key reads as "" (§7.4)
	}
	if key, ok := subscript(path, "metadata.annotations"); ok {
		return pod.Annotations[key], false, nil
	}
	return "", false, fmt.Errorf("unsupported fieldRef %q", path)
}

func serviceAccountName(pod *corev1.Pod) string {
	switch {
	case pod.Spec.ServiceAccountName != "":
		return pod.Spec.ServiceAccountName
	case pod.Spec.DeprecatedServiceAccount != "":
		return pod.Spec.DeprecatedServiceAccount
	}
	return DefaultServiceAccount
}

// subscript reads the key of "<prefix>['key']".
func subscript(path, prefix string) (string, bool) {
	rest, ok := strings.CutPrefix(path, prefix+"['")
	if !ok {
		return "", false
	}
	return strings.CutSuffix(rest, "']")
}

// formatMap renders labels or annotations as a downward-API volume file does: key="value" lines
// in key order, values quoted as Go does, no trailing newline (§7.4, fieldpath.FormatMap).
func formatMap(m map[string]string) string {
	keys := sortedKeys(m)
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = k + "=" + strconv.Quote(m[k])
	}
	return strings.Join(lines, "\n")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// resourceValue resolves a resourceFieldRef for ctr (§7.4): ceil(quantity / divisor) as an
// integer, CPU counted in millicores, an unset limit read as the node's allocatable amount.
func (b *builder) resourceValue(ref *corev1.ResourceFieldSelector, ctr *corev1.Container) (string, error) {
	kind, name, ok := strings.Cut(ref.Resource, ".")
	if !ok || (kind != "limits" && kind != "requests") {
		return "", fmt.Errorf("unsupported resourceFieldRef %q", ref.Resource)
	}
	res := corev1.ResourceName(name)
	list := ctr.Resources.Requests
	if kind == "limits" {
		list = ctr.Resources.Limits
	}
	q, set := list[res]
	if !set && kind == "limits" {
		alloc, known := b.allocatable(res)
		if !known {
			return Placeholder("node.allocatable." + name), nil
		}
		q = alloc
	}
	divisor := ref.Divisor
	if divisor.IsZero() {
		divisor = resource.MustParse("1") // the API default
	}
	if res == corev1.ResourceCPU {
		return strconv.FormatInt(ceilDiv(q.MilliValue(), divisor.MilliValue()), 10), nil
	}
	return strconv.FormatInt(ceilDiv(q.Value(), divisor.Value()), 10), nil
}

// allocatable is the node's allocatable amount of a resource: the engine host's CPUs and memory
// (Options.NodeCPU, NodeMemory); hugepages default to none, other resources are unknown.
func (b *builder) allocatable(res corev1.ResourceName) (resource.Quantity, bool) {
	switch {
	case res == corev1.ResourceCPU && b.opts.NodeCPU > 0:
		return *resource.NewQuantity(b.opts.NodeCPU, resource.DecimalSI), true
	case res == corev1.ResourceMemory && b.opts.NodeMemory > 0:
		return *resource.NewQuantity(b.opts.NodeMemory, resource.BinarySI), true
	case strings.HasPrefix(string(res), corev1.ResourceHugePagesPrefix):
		return resource.Quantity{}, true
	}
	return resource.Quantity{}, false
}

// ceilDiv is ceil(a/b) for the non-negative quantities of resources.
func ceilDiv(a, b int64) int64 {
	if b <= 0 {
		b = 1
	}
	if a <= 0 {
		return a / b
	}
	return (a + b - 1) / b
}
