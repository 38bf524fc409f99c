package podspec

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// errorLines renders an error from Load one problem per line, as the CLI prints it.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func TestLoadRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		file string
		data string
		want []string
	}{
		{
			name: "unknown field names file, line and path, with a suggestion",
			data: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: busybox\n  - name: b\n    image: busybox\n    imagePullPolcy: Always\n",
			want: []string{`pod.yaml:11: spec.containers[1].imagePullPolcy: unknown field (did you mean "imagePullPolicy"?)`},
		},
		{
			name: "unknown field far from any real one gets no suggestion",
			data: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  colour: blue\nspec:\n  containers:\n  - name: a\n    image: busybox\n",
			want: []string{`pod.yaml:5: metadata.colour: unknown field`},
		},
		{
			name: "duplicate key is reported at the second occurrence",
			data: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: busybox\n    image: nginx\n",
			want: []string{`pod.yaml:9: spec.containers[0].image: duplicate field (first set at line 8); YAML keys must be unique`},
		},
		{
			name: "every type error is reported, with list indices and map keys in the path",
			data: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: busybox\n    ports:\n    - containerPort: \"80\"\n    env:\n    - name: X\n      value: yes\n    resources:\n      limits:\n        memory: lots\n  hostNetwork: 1\n",
			want: []string{
				`pod.yaml:10: spec.containers[0].ports[0].containerPort: must be an integer, got string "80"`,
				`pod.yaml:13: spec.containers[0].env[0].value: must be a string, got boolean true (quote it: "true")`,
				`pod.yaml:16: spec.containers[0].resources.limits[memory]: must be a quantity such as 250m, 2, 128Mi or 1Gi, got string "lots"`,
				`pod.yaml:17: spec.hostNetwork: must be true or false, got number 1`,
			},
		},
		{
			name: "type errors and unknown fields are reported together",
			data: "kind: Pod\napiVersion: v1\nmetadata: {name: web}\nspec:\n  containers:\n  - name: a\n    image: busybox\n    tty: \"no\"\n    stdn: true\n",
			want: []string{
				`pod.yaml:8: spec.containers[0].tty: must be true or false, got string "no"`,
				`pod.yaml:9: spec.containers[0].stdn: unknown field (did you mean "stdin"?)`,
			},
		},
		{
			name: "YAML syntax error carries the file line, in a later document",
			data: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [web\n",
			want: []string{`pod.yaml:8: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			name: "unsupported kind names it and what is read",
			data: "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}]\n",
			want: []string{`pod.yaml:2: kind: kind Service is not supported: podrun reads only Pod, ConfigMap and Secret (v1), a List of them, and the pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob`},
		},
		{
			name: "wrong apiVersion",
			data: "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}]\n",
			want: []string{`pod.yaml:1: apiVersion: must be "v1" for kind Pod, got string "apps/v1"`},
		},
		{
			name: "missing apiVersion",
			data: "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}]\n",
			want: []string{`pod.yaml:1: apiVersion: must be "v1" for kind Pod, it is missing`},
		},
		{
			name: "two pods name both documents",
			data: "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: busybox}]\n---\n# second\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers: [{name: b, image: busybox}]\n",
			want: []string{`pod.yaml:8: Pod "b" (document 2, line 8) is a second pod in this file; podrun runs one pod per file, and the first is Pod "a" (document 1, line 1)`},
		},
		{
			name: "no pod at all",
			data: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
			want: []string{`pod.yaml: no pod found: expected a Pod, a bare PodSpec (containers: at top level), or a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob with a pod template`},
		},
		{
			name: "an empty file has no pod",
			data: "---\n# nothing\n---\n",
			want: []string{`pod.yaml: no pod found: expected a Pod, a bare PodSpec (containers: at top level), or a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob with a pod template`},
		},
		{
			name: "a document that is not an object",
			data: "- a\n- b\n",
			want: []string{`pod.yaml:1: document 1 is a list: expected a Kubernetes object (a mapping with kind and apiVersion) or a bare PodSpec`},
		},
		{
			name: "no kind and no containers",
			data: "metadata: {name: x}\n",
			want: []string{`pod.yaml:1: document 1 has no kind: expected a Kubernetes object, or a bare PodSpec with containers at top level`},
		},
		{
			name: "secret data must be base64",
			data: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: hunter2!\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}]\n",
			want: []string{`pod.yaml:5: data[password]: must be base64-encoded (use stringData for plain text): illegal base64 data at input byte 7`},
		},
		{
			name: "configmap problems",
			data: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a/b: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}]\n",
			want: []string{
				`pod.yaml:5: data[a/b]: invalid key "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
				`pod.yaml:9: metadata.name: a second ConfigMap named "c" (the first is at line 3): names must be unique`,
			},
		},
		{
			name: "errors in a deployment's template are named as written, validation included",
			data: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        imagePullPolicy: Sometimes\n        image: nginx\n        ports:\n        - containerPort: 70000\n      replicas: 3\n",
			want: []string{
				`pod.yaml:13: spec.template.spec.containers[0].imagePullPolicy: unsupported value "Sometimes": must be one of Always, IfNotPresent, Never`,
				`pod.yaml:16: spec.template.spec.containers[0].ports[0].containerPort: must be between 1 and 65535, inclusive, got 70000`,
				`pod.yaml:17: spec.template.spec.replicas: unknown field`,
			},
		},
		{
			name: "a cronjob's pod must not restart Always",
			data: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a, image: busybox}]\n",
			want: []string{`pod.yaml:9: spec.jobTemplate.spec.template.spec.restartPolicy: must be OnFailure or Never in a CronJob's pod template, got ""`},
		},
		{
			name: "bare spec errors are named as written",
			file: "job.yaml",
			data: "containers:\n- name: a\n  image: busybox\n  command: echo\n",
			want: []string{`job.yaml:4: containers[0].command: must be a list, got string "echo"`},
		},
		{
			name: "a wrongly typed value is not reported again by validation",
			data: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: soon\n  containers: [{name: a, image: busybox}]\n",
			want: []string{`pod.yaml:5: spec.terminationGracePeriodSeconds: must be an integer, got string "soon"`},
		},
		{
			name: "a list item of an unsupported kind",
			data: "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    containers: [{name: a, image: busybox, imagePullPolicy: Maybe}]\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: n}\n",
			want: []string{
				`pod.yaml:8: items[0].spec.containers[0].imagePullPolicy: unsupported value "Maybe": must be one of Always, IfNotPresent, Never`,
				`pod.yaml:10: items[1].kind: kind Namespace is not supported: podrun reads only Pod, ConfigMap and Secret (v1), a List of them, and the pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			file := tc.file
			if file == "" {
				file = "pod.yaml"
			}
			in, err := Load(file, []byte(tc.data))
			if in != nil {
				t.Errorf("Load returned an Input despite errors")
			}
			var list ErrorList
			if err != nil {
				list = err.(ErrorList)
			}
			got := errorLines(list)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.want, "\n      "))
			}
		})
	}
}

func TestLoadAccepts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		file  string
		data  string
		check func(t *testing.T, in *Input)
	}{
		{
			name: "pod in YAML, raw kept as written and defaults applied to Pod",
			data: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n",
			check: func(t *testing.T, in *Input) {
				if in.Raw.Spec.RestartPolicy != "" || in.Raw.Namespace != "" {
					t.Errorf("Raw got defaults: %q %q", in.Raw.Spec.RestartPolicy, in.Raw.Namespace)
				}
				if in.Pod.Spec.RestartPolicy != corev1.RestartPolicyAlways || in.Pod.Namespace != "default" {
					t.Errorf("Pod lacks defaults: %q %q", in.Pod.Spec.RestartPolicy, in.Pod.Namespace)
				}
				wantLines(t, in, map[string]int{"metadata.name": 4, "metadata.labels[app]": 6, "spec.containers[0]": 9, "spec.containers[0].image": 10})
				if in.Origin.Kind != "Pod" || in.Origin.Document != 1 {
					t.Errorf("Origin = %+v", in.Origin)
				}
			},
		},
		{
			name: "pod in JSON",
			data: "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"web\"},\n  \"spec\": {\"containers\": [\n    {\"name\": \"web\", \"image\": \"nginx:1.27\"}\n  ]}\n}\n",
			check: func(t *testing.T, in *Input) {
				if got := in.Pod.Spec.Containers[0].ImagePullPolicy; got != corev1.PullIfNotPresent {
					t.Errorf("pull policy = %q", got)
				}
				wantLines(t, in, map[string]int{"spec.containers[0].image": 6})
			},
		},
		{
			name: "bare PodSpec is named after the file",
			file: "dir/My_Pod.v2.yaml",
			data: "# a comment\ncontainers:\n- name: a\n  image: busybox\n",
			check: func(t *testing.T, in *Input) {
				if in.Pod.Name != "my-pod-v2" {
					t.Errorf("name = %q", in.Pod.Name)
				}
				if in.Pod.Kind != "Pod" || in.Pod.APIVersion != "v1" {
					t.Errorf("TypeMeta = %+v", in.Pod.TypeMeta)
				}
				wantLines(t, in, map[string]int{"spec.containers[0].image": 4, "spec.containers": 2})
				if got := in.Origin.FilePath("spec.containers[0].image"); got != "containers[0].image" {
					t.Errorf("FilePath = %q", got)
				}
			},
		},
		{
			name: "bare PodSpec from stdin is named pod",
			file: "-",
			data: "containers: [{name: a, image: busybox}]\n",
			check: func(t *testing.T, in *Input) {
				if in.Pod.Name != "pod" {
					t.Errorf("name = %q", in.Pod.Name)
				}
			},
		},
		{
			name: "configmaps and secrets travel with the pod; stringData merges over data",
			data: "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: \"1\"}\n---\n\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ndata:\n  user: YWRtaW4=\n  pass: b2xk\nstringData:\n  pass: new\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}]\n",
			check: func(t *testing.T, in *Input) {
				if in.ConfigMaps["cfg"].Data["a"] != "1" {
					t.Errorf("configmap = %+v", in.ConfigMaps["cfg"])
				}
				s := in.Secrets["creds"]
				if string(s.Data["user"]) != "admin" || string(s.Data["pass"]) != "new" || s.StringData != nil || s.Type != corev1.SecretTypeOpaque {
					t.Errorf("secret = %+v", s)
				}
				if in.Origin.Document != 3 {
					t.Errorf("pod document = %d, want 3 (empty documents are not counted)", in.Origin.Document)
				}
				wantLines(t, in, map[string]int{"metadata.name": 20})
			},
		},
		{
			name: "a List of a pod and a configmap",
			data: "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cfg}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    containers:\n    - {name: a, image: busybox}\n",
			check: func(t *testing.T, in *Input) {
				if in.ConfigMaps["cfg"] == nil || in.Pod.Name != "p" {
					t.Errorf("configmaps %v, pod %q", in.ConfigMaps, in.Pod.Name)
				}
				wantLines(t, in, map[string]int{"spec.containers[0]": 12})
				if got := in.Origin.FilePath("spec.containers[0]"); got != "items[1].spec.containers[0]" {
					t.Errorf("FilePath = %q", got)
				}
			},
		},
		{
			name: "deployment: the template is the pod, named after the deployment",
			data: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n  labels: {tier: front}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n",
			check: func(t *testing.T, in *Input) {
				p := in.Pod
				if p.Name != "web" || p.Namespace != "shop" || p.Labels["app"] != "web" || p.Labels["tier"] != "" {
					t.Errorf("pod meta = %+v", p.ObjectMeta)
				}
				wantLines(t, in, map[string]int{"metadata.name": 4, "spec.containers[0].image": 15, "metadata.labels[app]": 11})
			},
		},
		{
			name: "cronjob template",
			data: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: a, image: busybox}]\n",
			check: func(t *testing.T, in *Input) {
				if in.Pod.Name != "nightly" || in.Pod.Spec.RestartPolicy != corev1.RestartPolicyOnFailure {
					t.Errorf("pod = %q %q", in.Pod.Name, in.Pod.Spec.RestartPolicy)
				}
			},
		},
		{
			name: "anchors and merge keys",
			data: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - &base\n    name: a\n    image: busybox\n  - <<: *base\n    name: b\n",
			check: func(t *testing.T, in *Input) {
				c := in.Pod.Spec.Containers
				if len(c) != 2 || c[1].Name != "b" || c[1].Image != "busybox" {
					t.Errorf("containers = %+v", c)
				}
				wantLines(t, in, map[string]int{"spec.containers[1].name": 10})
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			file := tc.file
			if file == "" {
				file = "pod.yaml"
			}
			in, err := Load(file, []byte(tc.data))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tc.check(t, in)
		})
	}
}

func wantLines(t *testing.T, in *Input, want map[string]int) {
	t.Helper()
	for path, line := range want {
		if got := in.Lines[path]; got != line {
			t.Errorf("Lines[%q] = %d, want %d", path, got, line)
		}
	}
}
