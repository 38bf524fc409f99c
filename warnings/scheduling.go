package warnings

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// checkScheduling: podrun has one node, the engine's host, and no scheduler. Constraints that
// could keep a pod off a node (or pick hardware for it) are warnings; those that only spread or
// rank pods are infos.
func checkScheduling(p *pass) {
	s := &p.pod.Spec
	if len(s.NodeSelector) > 0 {
		p.add("scheduling.node-selector", "spec.nodeSelector", "",
			fmt.Sprintf("a cluster runs the pod only on a node labelled %s; podrun runs it on the engine's host, whatever that host is (architecture, GPUs, zone)", labelList(s.NodeSelector)),
			"check that the engine's host matches what these labels select")
	}
	if s.NodeName != "" {
		p.add("scheduling.node-name", "spec.nodeName", "",
			fmt.Sprintf("a cluster binds the pod to node %q; podrun runs it on the engine's host", s.NodeName), "")
	}
	if a := s.Affinity; a != nil {
		if a.NodeAffinity != nil {
			p.add("scheduling.node-affinity", "spec.affinity.nodeAffinity", "",
				"a cluster places the pod on a node that satisfies this affinity (and may leave it Pending); podrun runs it on the engine's host whatever its labels",
				"check that the engine's host matches what the affinity selects")
		}
		if a.PodAffinity != nil {
			p.add("scheduling.pod-affinity", "spec.affinity.podAffinity", "",
				"a cluster co-locates the pod with the pods it selects; locally there are no other pods and one node", "")
		}
		if a.PodAntiAffinity != nil {
			p.add("scheduling.pod-affinity", "spec.affinity.podAntiAffinity", "",
				"a cluster keeps the pod away from the pods it selects; locally there are no other pods and one node", "")
		}
	}
	if len(s.Tolerations) > 0 {
		p.add("scheduling.toleration", "spec.tolerations", "",
			"tolerations let a cluster place the pod on tainted nodes (and bound NoExecute evictions); the local node has no taints and evicts nothing", "")
	}
	if len(s.TopologySpreadConstraints) > 0 {
		p.add("scheduling.topology-spread", "spec.topologySpreadConstraints", "",
			"a cluster spreads matching pods across topology domains; locally there is one node", "")
	}
	checkPriority(p, s)
	if s.SchedulerName != "" && s.SchedulerName != corev1.DefaultSchedulerName {
		p.add("scheduling.scheduler-name", "spec.schedulerName", "",
			fmt.Sprintf("a cluster waits for scheduler %q to place the pod; podrun starts it directly", s.SchedulerName), "")
	}
	if len(s.SchedulingGates) > 0 {
		p.add("scheduling.scheduling-gate", "spec.schedulingGates", "",
			fmt.Sprintf("a cluster keeps the pod Pending (SchedulingGated) until %s removed; podrun starts it at once", gateNames(s.SchedulingGates)), "")
	}
	if s.SchedulingGroup != nil {
		p.add("scheduling.scheduling-group", "spec.schedulingGroup", "",
			"a cluster schedules the pod together with its group; podrun runs this pod alone", "")
	}
	if s.RuntimeClassName != nil {
		p.add("scheduling.runtime-class", "spec.runtimeClassName", "",
			fmt.Sprintf("a cluster runs the containers with RuntimeClass %q (a sandboxed runtime such as gVisor or Kata, or a GPU runtime), which also picks nodes and adds overhead; podrun uses the engine's default runtime", *s.RuntimeClassName), "")
	}
	if s.OS != nil {
		if s.OS.Name == corev1.Linux {
			p.add("scheduling.os", "spec.os.name", "",
				"spec.os only constrains scheduling and validation; podrun runs Linux containers", "")
		} else {
			p.add("scheduling.os-not-linux", "spec.os.name", "",
				fmt.Sprintf("the pod is for %q nodes; podrun runs Linux containers only, so the images and paths will likely not work", s.OS.Name), "")
		}
	}
	if len(s.EvictionResponders) > 0 {
		p.add("scheduling.eviction-responder", "spec.evictionResponders", "",
			"a cluster asks these responders before evicting the pod; nothing evicts the pod locally", "")
	}
}

func checkPriority(p *pass, s *corev1.PodSpec) {
	if s.PriorityClassName != "" {
		p.add("scheduling.priority", "spec.priorityClassName", "",
			fmt.Sprintf("priority class %q orders scheduling, preemption and eviction on a cluster; locally nothing competes with the pod", s.PriorityClassName), "")
	}
	// A priority beside its class is the class's value, filled in by admission: one info is enough.
	if s.Priority != nil && *s.Priority != 0 && s.PriorityClassName == "" {
		p.add("scheduling.priority", "spec.priority", "",
			"priority orders scheduling, preemption and eviction on a cluster; locally nothing competes with the pod", "")
	}
	if s.PreemptionPolicy != nil && *s.PreemptionPolicy != corev1.PreemptLowerPriority {
		p.add("scheduling.preemption-policy", "spec.preemptionPolicy", "",
			"preemptionPolicy decides whether the pod may evict lower-priority pods on a cluster; nothing is preempted locally", "")
	}
}

// labelList renders selector labels as k=v, sorted, for messages.
func labelList(m map[string]string) string {
	keys := slices.Sorted(maps.Keys(m))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + m[k]
	}
	return strings.Join(parts, ", ")
}

func gateNames(gates []corev1.PodSchedulingGate) string {
	names := make([]string, len(gates))
	for i, g := range gates {
		names[i] = fmt.Sprintf("%q", g.Name)
	}
	if len(names) == 1 {
		return "gate " + names[0] + " is"
	}
	return "gates " + strings.Join(names, ", ") + " are"
}
