package flyte

import (
	"testing"
)

// §3.3: the shard propeller's PrecomputedShardSelector picks: fnv32a of the unique id modulo
// the number of prefixes, among "aa".."99" in its order (letters, then digits).
func TestRawShard(t *testing.T) {
	t.Parallel()
	// The selector's own test vectors (precomputed_shardselector_test.go, two shards).
	if shardIndex("abc", 2) != 1 || shardIndex("xyz", 2) != 0 {
		t.Errorf("shardIndex(abc, 2) = %d, shardIndex(xyz, 2) = %d; want 1 and 0", shardIndex("abc", 2), shardIndex("xyz", 2))
	}
	for id, want := range map[string]string{"a4lmk5ws6qkfbhx94dxc-n0-0": "5t"} {
		got := RawShard(id)
		if got != want || len(got) != 2 {
			t.Errorf("RawShard(%s) = %q, want %q", id, got, want)
		}
		i := shardIndex(id, 36*36)
		if got[0] != base36[i/36] || got[1] != base36[i%36] {
			t.Errorf("RawShard(%s) = %q is not prefix %d of aa..99", id, got, i)
		}
	}
	if base36[0] != 'a' || base36[25] != 'z' || base36[26] != '0' || base36[35] != '9' {
		t.Errorf("prefix alphabet %q: want letters then digits, as createAlphabetAndNumerals", base36)
	}
}

// §3.3: with a metadata prefix and sharding, the placeholders are what propeller renders on a
// cluster for the execution (Appendix A's layout).
func TestClusterDataPaths(t *testing.T) {
	t.Parallel()
	task := sidecarTask(t, TypeSidecar, `{"containers": [{"name": "primary", "image": "i",
	  "args": ["{{.input}}", "{{.outputPrefix}}", "{{.rawOutputDataPrefix}}", "{{.checkpointOutputPrefix}}", "{{.prevCheckpointPrefix}}", "{{.inputPrefix}}"]}]}`)
	o := fixedOptions
	o.MetadataPrefix = "s3://bkt/metadata/propeller/"
	o.RawOutputPrefix = "s3://bkt/data"
	o.ShardRawOutput = true
	pod, _, err := task.Pod(o)
	if err != nil {
		t.Fatal(err)
	}
	node := "s3://bkt/metadata/propeller/flytesnacks-development-a4lmk5ws6qkfbhx94dxc/n0/data"
	raw := "s3://bkt/data/5t/a4lmk5ws6qkfbhx94dxc-n0-0"
	want := []string{node + "/inputs.pb", node + "/0", raw, raw + "/_flytecheckpoints", `""`, node}
	args := pod.Spec.Containers[0].Args
	for i := range want {
		if args[i] != want[i] {
			t.Errorf("arg %d = %q, want %q", i, args[i], want[i])
		}
	}
	o.Attempt = 1
	paths := task.DataPaths(o)
	if prev := "s3://bkt/data/" + RawShard("a4lmk5ws6qkfbhx94dxc-n0-0") + "/a4lmk5ws6qkfbhx94dxc-n0-0/_flytecheckpoints"; paths.PrevCheckpoint != prev {
		t.Errorf("attempt 1: previous checkpoint %q, want %q (the previous attempt's, in its own shard)", paths.PrevCheckpoint, prev)
	}
	if paths.OutputPrefix != node+"/1" {
		t.Errorf("attempt 1: output prefix %q", paths.OutputPrefix)
	}
}
