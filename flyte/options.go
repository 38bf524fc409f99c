package flyte

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
)

// DefaultDataDir is where, inside the pod, podrun mounts the node's data directory when the
// caller names none: inputs.pb, the attempt's outputs and error document, raw outputs.
const DefaultDataDir = "/var/run/flyte"

// PodOptions are the execution's values: what flyteadmin and propeller would know about the run.
type PodOptions struct {
	// Project and Domain of the execution; the task's own by default, else flytesnacks/development.
	Project, Domain string
	// ExecutionID is the execution's name (see ExecutionName). Empty gives a name derived from
	// the task's identity: stable, which suits render; a run should pass a fresh one.
	ExecutionID string
	// Attempt is the 0-based retry attempt (FLYTE_ATTEMPT_NUMBER, the pod name's suffix).
	Attempt int
	// DataDir is the node's data directory as the pod sees it (a path, or a URL for render):
	// {{.inputPrefix}}. DefaultDataDir when empty.
	DataDir string
	// RawOutputPrefix is the raw-output root; DataDir/raw when empty.
	RawOutputPrefix string
	// MetadataPrefix, when set, lays the node's data directory out as propeller does on a
	// cluster (§3.3): <MetadataPrefix>/<project>-<domain>-<execution>/<node>/data, where
	// MetadataPrefix is propeller's metadata-prefix in its blob store
	// (s3://my-s3-bucket/metadata/propeller). DataDir is then ignored.
	MetadataPrefix string
	// ShardRawOutput puts the raw-output directory under propeller's 2-character shard, as on a
	// cluster: <RawOutputPrefix>/<shard>/<unique id> (§3.3, RawShard). A local run leaves it
	// out: its data directory is podrun's own.
	ShardRawOutput bool
	// Namespace is the pod's namespace: "<project>-<domain>" by default (Flyte's default
	// namespace mapping).
	Namespace string
	// NodeID names the node; by default the one flyteadmin gives a single-task execution.
	NodeID string
	// Workflow names the workflow; by default ".flytegen.<task name>", as flyteadmin names the
	// workflow it wraps a single task execution in.
	Workflow string
	// Inputs are the input values, for {{.Inputs.<name>}}.
	Inputs LiteralMap
	// Labels and Annotations are execution labels and annotations; they win over the task's (§3.5).
	Labels, Annotations map[string]string
}

// DataPaths are the data locations of one attempt, as the pod sees them (§3.3).
type DataPaths struct {
	InputPrefix     string // {{.inputPrefix}}: the node data directory
	Inputs          string // {{.input}}: <inputPrefix>/inputs.pb
	OutputPrefix    string // {{.outputPrefix}}: <inputPrefix>/<attempt>
	Outputs         string // <outputPrefix>/outputs.pb
	Error           string // <outputPrefix>/error.pb
	Futures         string // <outputPrefix>/futures.pb (a dynamic task's)
	RawOutputPrefix string // {{.rawOutputDataPrefix}}: <raw root>/<pod name>
	Checkpoint      string // {{.checkpointOutputPrefix}}
	PrevCheckpoint  string // {{.prevCheckpointPrefix}}: "" on attempt 0
	// OutputDir is OutputPrefix relative to the data directory ("0"): where the caller finds
	// outputs.pb and error.pb in its own copy of the directory.
	OutputDir string
}

// withDefaults fills what the caller left empty.
func (t *Task) withDefaults(o PodOptions) PodOptions {
	name := t.taskName()
	if o.Project == "" {
		o.Project = firstNonEmpty(t.ID.Project, "flytesnacks")
	}
	if o.Domain == "" {
		o.Domain = firstNonEmpty(t.ID.Domain, "development")
	}
	if o.ExecutionID == "" {
		h := fnv.New64a()
		h.Write([]byte(o.Project + ":" + o.Domain + ":" + name + ":" + t.ID.Version))
		o.ExecutionID = ExecutionName(h.Sum(nil))
	}
	if o.NodeID == "" {
		o.NodeID = nodeNameFromTask(name)
	}
	if o.MetadataPrefix != "" {
		// constructWorkflowMetadataPrefix, then ConstructNodeDataDir (§3.3).
		o.DataDir = strings.TrimSuffix(o.MetadataPrefix, "/") + "/" + o.Project + "-" + o.Domain + "-" + o.ExecutionID + "/" + o.NodeID + "/data"
	}
	if o.DataDir == "" {
		o.DataDir = DefaultDataDir
	}
	o.DataDir = strings.TrimSuffix(o.DataDir, "/")
	if o.RawOutputPrefix == "" {
		o.RawOutputPrefix = o.DataDir + "/raw"
	}
	o.RawOutputPrefix = strings.TrimSuffix(o.RawOutputPrefix, "/")
	if o.Namespace == "" {
		o.Namespace = o.Project + "-" + o.Domain
	}
	if o.Workflow == "" {
		o.Workflow = ".flytegen." + name
	}
	return o
}

func (t *Task) taskName() string { return firstNonEmpty(t.ID.Name, "task") }

// DataPaths returns the data locations the pod of attempt o.Attempt uses.
func (t *Task) DataPaths(o PodOptions) DataPaths {
	o = t.withDefaults(o)
	return dataPaths(o, podName(o))
}

func dataPaths(o PodOptions, name string) DataPaths {
	out := strconv.Itoa(o.Attempt)
	p := DataPaths{
		InputPrefix:     o.DataDir,
		Inputs:          o.DataDir + "/inputs.pb",
		OutputPrefix:    o.DataDir + "/" + out,
		OutputDir:       out,
		RawOutputPrefix: rawOutputDir(o, name),
	}
	p.Outputs, p.Error, p.Futures = p.OutputPrefix+"/outputs.pb", p.OutputPrefix+"/error.pb", p.OutputPrefix+"/futures.pb"
	p.Checkpoint = p.RawOutputPrefix + "/_flytecheckpoints"
	if o.Attempt > 0 { // the previous attempt's checkpoint (§3.3)
		prev := o
		prev.Attempt--
		p.PrevCheckpoint = rawOutputDir(prev, podName(prev)) + "/_flytecheckpoints"
	}
	return p
}

// ExecutionName makes an execution name the way flyteadmin does: "a" and 19 characters from
// Kubernetes' random-string alphabet (no vowels, no look-alike digits), here drawn from entropy.
func ExecutionName(entropy []byte) string {
	const alphabet = "bcdfghjklmnpqrstvwxz2456789"
	h := fnv.New64a()
	b := []byte{'a'}
	for i := 0; len(b) < 20; i++ {
		h.Write(entropy)
		h.Write([]byte{byte(i)})
		sum := h.Sum64()
		for j := 0; j < 8 && len(b) < 20; j++ {
			b = append(b, alphabet[((sum>>(8*j))&0xff)%uint64(len(alphabet))])
		}
	}
	return string(b)
}

// nodeNameFromTask is flyteadmin's generateNodeNameFromTask: the last 63 characters of the
// task name, keeping letters, digits and '-'.
func nodeNameFromTask(taskName string) string {
	if len(taskName) >= 63 {
		taskName = taskName[len(taskName)-63:]
	}
	var b strings.Builder
	for _, r := range taskName {
		if r == '-' || unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// rawOutputDir is the attempt's {{.rawOutputDataPrefix}}: ComputeRawOutputPrefix's unique id
// (the pod name's parts, FixedLengthUniqueIDForParts) under the raw-output root, in its shard
// when o.ShardRawOutput (ioutils.NewShardedRawOutputPath).
func rawOutputDir(o PodOptions, uniqueID string) string {
	if o.ShardRawOutput {
		return o.RawOutputPrefix + "/" + RawShard(uniqueID) + "/" + uniqueID
	}
	return o.RawOutputPrefix + "/" + uniqueID
}

// base36 is the alphabet of propeller's shard prefixes, in its order: letters, then digits
// (ioutils.createAlphabetAndNumerals).
const base36 = "abcdefghijklmnopqrstuvwxyz0123456789"

// RawShard is the 2-character shard propeller puts a raw-output directory in: of the 36×36
// prefixes "aa".."99" (NewBase36PrefixShardSelector), the one at fnv32a(uniqueID) mod 1296
// (PrecomputedShardSelector.GetShardPrefix).
func RawShard(uniqueID string) string {
	i := shardIndex(uniqueID, 36*36)
	return string([]byte{base36[i/36], base36[i%36]})
}

// shardIndex is GetShardPrefix's choice among buckets prefixes.
func shardIndex(key string, buckets uint32) uint32 {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32() % buckets
}
