package podspec

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// validPod is a pod that passes validation; each test case breaks one thing.
func validPod() *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "web", Labels: map[string]string{"app": "web"}},
		Spec: corev1.PodSpec{
			InitContainers: []corev1.Container{
				{Name: "setup", Image: "busybox"},
				{Name: "proxy", Image: "envoy:1", RestartPolicy: ptr(corev1.ContainerRestartPolicyAlways),
					StartupProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt32(9901)}}}},
			},
			Containers: []corev1.Container{{
				Name:  "web",
				Image: "nginx:1.27",
				Ports: []corev1.ContainerPort{{Name: "http", ContainerPort: 80, HostPort: 8080}},
				Env: []corev1.EnvVar{
					{Name: "POD", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.name"}}},
					{Name: "APP", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.labels['app']"}}},
				},
				Resources: corev1.ResourceRequirements{
					Limits:   corev1.ResourceList{"memory": resource.MustParse("128Mi")},
					Requests: corev1.ResourceList{"memory": resource.MustParse("64Mi")},
				},
				ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Port: intstr.FromString("http")}}},
				VolumeMounts:   []corev1.VolumeMount{{Name: "cache", MountPath: "/cache"}, {Name: "cfg", MountPath: "/etc/app", SubPath: "conf"}},
			}},
			Volumes: []corev1.Volume{
				{Name: "cache"},
				{Name: "cfg", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
					LocalObjectReference: corev1.LocalObjectReference{Name: "cfg"},
					Items:                []corev1.KeyToPath{{Key: "app.conf", Path: "conf/app.conf", Mode: ptr[int32](0o600)}},
				}}},
			},
		},
	}
}

func validate(pod *corev1.Pod) []string {
	Default(pod)
	var got []string
	for _, e := range Validate(&Input{File: "pod.yaml", Pod: pod}) {
		got = append(got, e.Path+": "+e.Msg)
	}
	return got
}

func TestValidateAcceptsValidPod(t *testing.T) {
	t.Parallel()
	if got := validate(validPod()); len(got) > 0 {
		t.Fatalf("valid pod refused:\n%s", strings.Join(got, "\n"))
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(p *corev1.Pod)
		want   []string
	}{
		{"name required", func(p *corev1.Pod) { p.Name = "" }, []string{"metadata.name: required"}},
		{"generateName", func(p *corev1.Pod) { p.Name, p.GenerateName = "", "web-" },
			[]string{"metadata.name: required: podrun needs a fixed name (generateName is not supported)"}},
		{"name not a subdomain", func(p *corev1.Pod) { p.Name = "Web_1" },
			[]string{`metadata.name: invalid value "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`}},
		{"namespace not a label", func(p *corev1.Pod) { p.Namespace = "a.b" },
			[]string{`metadata.namespace: invalid value "a.b": must not contain dots`}},
		{"label key", func(p *corev1.Pod) { p.Labels = map[string]string{"-bad": "x"} },
			[]string{`metadata.labels: Invalid value: "-bad": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`}},
		{"annotation key", func(p *corev1.Pod) { p.Annotations = map[string]string{"a b": "x"} },
			[]string{`metadata.annotations: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`}},
		{"no containers", func(p *corev1.Pod) { p.Spec.Containers = nil; p.Spec.Volumes = nil },
			[]string{"spec.containers: required: a pod needs at least one container"}},
		{"container name across init and regular", func(p *corev1.Pod) { p.Spec.Containers[0].Name = "setup" },
			[]string{`spec.containers[0].name: duplicate name "setup": already used by spec.initContainers[0]; container names must be unique in the pod`}},
		{"container name required", func(p *corev1.Pod) { p.Spec.InitContainers[0].Name = "" },
			[]string{"spec.initContainers[0].name: required"}},
		{"image required", func(p *corev1.Pod) { p.Spec.Containers[0].Image = "  " },
			[]string{"spec.containers[0].image: required: the image to run"}},
		{"image whitespace", func(p *corev1.Pod) { p.Spec.InitContainers[0].Image = "busybox " },
			[]string{`spec.initContainers[0].image: must not have leading or trailing whitespace, got "busybox "`}},
		{"pull policy", func(p *corev1.Pod) { p.Spec.Containers[0].ImagePullPolicy = "Sometimes" },
			[]string{`spec.containers[0].imagePullPolicy: unsupported value "Sometimes": must be one of Always, IfNotPresent, Never`}},
		{"restart policy", func(p *corev1.Pod) { p.Spec.RestartPolicy = "Sometimes" },
			[]string{`spec.restartPolicy: unsupported value "Sometimes": must be one of Always, OnFailure, Never`}},
		{"negative grace period", func(p *corev1.Pod) { p.Spec.TerminationGracePeriodSeconds = ptr[int64](-1) },
			[]string{"spec.terminationGracePeriodSeconds: must be greater than or equal to 0, got -1"}},
		{"container port range", func(p *corev1.Pod) { p.Spec.Containers[0].Ports[0].ContainerPort = 0 },
			[]string{"spec.containers[0].ports[0].containerPort: must be between 1 and 65535, inclusive, got 0"}},
		{"host port range", func(p *corev1.Pod) { p.Spec.Containers[0].Ports[0].HostPort = 70000 },
			[]string{"spec.containers[0].ports[0].hostPort: must be between 0 and 65535, inclusive (0 publishes nothing), got 70000"}},
		{"protocol", func(p *corev1.Pod) { p.Spec.Containers[0].Ports[0].Protocol = "tcp" },
			[]string{`spec.containers[0].ports[0].protocol: unsupported value "tcp": must be one of TCP, UDP, SCTP`}},
		{"port name", func(p *corev1.Pod) { p.Spec.Containers[0].Ports[0].Name = "web_http" },
			[]string{`spec.containers[0].ports[0].name: invalid value "web_http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`}},
		{"port name unique in container", func(p *corev1.Pod) {
			p.Spec.Containers[0].Ports = append(p.Spec.Containers[0].Ports, corev1.ContainerPort{Name: "http", ContainerPort: 81, Protocol: "TCP"})
		}, []string{`spec.containers[0].ports[1].name: duplicate port name "http": port names must be unique in a container`}},
		{"host port unique in pod per protocol", func(p *corev1.Pod) {
			p.Spec.InitContainers[1].Ports = []corev1.ContainerPort{{ContainerPort: 9000, HostPort: 8080}, {ContainerPort: 9001, HostPort: 8080, Protocol: "UDP"}}
		}, []string{"spec.containers[0].ports[0].hostPort: host port 8080/TCP is already used by spec.initContainers[1].ports[0]"}},
		{"hostNetwork host port must match", func(p *corev1.Pod) { p.Spec.HostNetwork = true },
			[]string{"spec.containers[0].ports[0].hostPort: must equal containerPort (80) when hostNetwork is true, got 8080"}},
		{"volume name and duplicates", func(p *corev1.Pod) {
			p.Spec.Volumes = append(p.Spec.Volumes, corev1.Volume{Name: "cache"}, corev1.Volume{Name: "Data"})
		}, []string{
			`spec.volumes[2].name: duplicate volume name "cache": volume names must be unique`,
			`spec.volumes[3].name: invalid value "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
		}},
		{"two volume sources", func(p *corev1.Pod) {
			p.Spec.Volumes[1].HostPath = &corev1.HostPathVolumeSource{Path: "/tmp"}
		}, []string{"spec.volumes[1]: must have exactly one volume source, got 2: hostPath, configMap"}},
		{"mount of an undefined volume", func(p *corev1.Pod) { p.Spec.Containers[0].VolumeMounts[0].Name = "nope" },
			[]string{`spec.containers[0].volumeMounts[0].name: no volume named "nope" in spec.volumes`}},
		{"mount path relative and duplicate", func(p *corev1.Pod) {
			m := p.Spec.Containers[0].VolumeMounts
			m[0].MountPath = "cache"
			m[1].MountPath = "cache/"
		}, []string{
			`spec.containers[0].volumeMounts[0].mountPath: must be an absolute path, got "cache"`,
			`spec.containers[0].volumeMounts[1].mountPath: must be an absolute path, got "cache/"`,
			`spec.containers[0].volumeMounts[1].mountPath: "cache/" is already used by spec.containers[0].volumeMounts[0]: mount paths must be unique in a container`,
		}},
		{"subPath escapes", func(p *corev1.Pod) { p.Spec.Containers[0].VolumeMounts[1].SubPath = "a/../../etc" },
			[]string{`spec.containers[0].volumeMounts[1].subPath: must not contain '..', got "a/../../etc"`}},
		{"subPath absolute", func(p *corev1.Pod) { p.Spec.Containers[0].VolumeMounts[1].SubPath = "/etc" },
			[]string{`spec.containers[0].volumeMounts[1].subPath: must be a relative path, got "/etc"`}},
		{"subPath and subPathExpr", func(p *corev1.Pod) { p.Spec.Containers[0].VolumeMounts[1].SubPathExpr = "$(POD)" },
			[]string{"spec.containers[0].volumeMounts[1].subPathExpr: must not be set together with subPath: give one or the other"}},
		{"device of a mounted volume", func(p *corev1.Pod) {
			p.Spec.Containers[0].VolumeDevices = []corev1.VolumeDevice{{Name: "cache", DevicePath: "/dev/xvda"}}
		}, []string{`spec.containers[0].volumeDevices[0].name: volume "cache" is already mounted with volumeMounts: a volume is a mount or a device, not both`}},
		{"configMap item path and mode", func(p *corev1.Pod) {
			items := p.Spec.Volumes[1].ConfigMap.Items
			items[0].Path = "../x"
			items[0].Mode = ptr[int32](0o1777)
			p.Spec.Volumes[1].ConfigMap.DefaultMode = ptr[int32](-1)
		}, []string{
			"spec.volumes[1].configMap.defaultMode: must be a file mode between 0 and 0777 (octal) or 511 (decimal), got -1",
			`spec.volumes[1].configMap.items[0].path: must not contain '..', got "../x"`,
			"spec.volumes[1].configMap.items[0].mode: must be a file mode between 0 and 0777 (octal) or 511 (decimal), got 1023",
		}},
		{"downwardAPI volume field paths", func(p *corev1.Pod) {
			p.Spec.Volumes = append(p.Spec.Volumes, corev1.Volume{Name: "info", VolumeSource: corev1.VolumeSource{DownwardAPI: &corev1.DownwardAPIVolumeSource{
				Items: []corev1.DownwardAPIVolumeFile{
					{Path: "labels", FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.labels"}},
					{Path: "ip", FieldRef: &corev1.ObjectFieldSelector{FieldPath: "status.podIP"}},
					{Path: "mem", ResourceFieldRef: &corev1.ResourceFieldSelector{Resource: "limits.memory"}},
				},
			}}})
		}, []string{
			`spec.volumes[2].downwardAPI.items[1].fieldRef.fieldPath: unsupported value "status.podIP": must be one of metadata.name, metadata.namespace, metadata.uid, metadata.labels, metadata.annotations, metadata.labels['<key>'], metadata.annotations['<key>']`,
			"spec.volumes[2].downwardAPI.items[2].resourceFieldRef.containerName: required: a volume must name the container whose resources it reads",
		}},
		{"env names and sources", func(p *corev1.Pod) {
			p.Spec.Containers[0].Env = []corev1.EnvVar{
				{Name: "1X", Value: "a"},
				{Name: "A", Value: "a", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.name"}}},
				{Name: "B", ValueFrom: &corev1.EnvVarSource{}},
				{Name: "C", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.labels"}}},
				{Name: "D", ValueFrom: &corev1.EnvVarSource{ResourceFieldRef: &corev1.ResourceFieldSelector{ContainerName: "db", Resource: "limits.gpu"}}},
				{Name: "E", ValueFrom: &corev1.EnvVarSource{ResourceFieldRef: &corev1.ResourceFieldSelector{Resource: "limits.cpu", Divisor: resource.MustParse("1Mi")}}},
				{Name: "F", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{Key: "k"}}},
			}
		}, []string{
			`spec.containers[0].env[0].name: invalid value "1X": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
			"spec.containers[0].env[1].valueFrom: must not be set together with value: give one or the other",
			"spec.containers[0].env[2].valueFrom: must specify exactly one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef, got 0",
			`spec.containers[0].env[3].valueFrom.fieldRef.fieldPath: unsupported value "metadata.labels": must be one of metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs, metadata.labels['<key>'], metadata.annotations['<key>']`,
			`spec.containers[0].env[4].valueFrom.resourceFieldRef.containerName: no container named "db" in the pod`,
			`spec.containers[0].env[4].valueFrom.resourceFieldRef.resource: unsupported value "limits.gpu": must be limits.<r> or requests.<r> with <r> one of cpu, memory, ephemeral-storage, hugepages-<size>`,
			`spec.containers[0].env[5].valueFrom.resourceFieldRef.divisor: unsupported value "1Mi" for cpu: must be one of 1m, 1`,
			"spec.containers[0].env[6].valueFrom.secretKeyRef.name: required: the name of the object to read",
		}},
		{"envFrom", func(p *corev1.Pod) {
			p.Spec.Containers[0].EnvFrom = []corev1.EnvFromSource{{Prefix: "9"}, {ConfigMapRef: &corev1.ConfigMapEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: "cfg"}}}}
		}, []string{
			`spec.containers[0].envFrom[0].prefix: invalid value "9": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
			"spec.containers[0].envFrom[0]: must specify one of configMapRef, secretRef",
		}},
		{"init restartPolicy other than Always", func(p *corev1.Pod) {
			p.Spec.InitContainers[0].RestartPolicy = ptr(corev1.ContainerRestartPolicyOnFailure)
		}, []string{`spec.initContainers[0].restartPolicy: unsupported value "OnFailure": an init container's restartPolicy may only be Always (a native sidecar); leave it unset for a regular init container`}},
		{"regular container restartPolicy", func(p *corev1.Pod) {
			p.Spec.Containers[0].RestartPolicy = ptr(corev1.ContainerRestartPolicyNever)
		}, []string{"spec.containers[0].restartPolicy: not supported on a regular container: podrun does not model ContainerRestartRules; use the pod's restartPolicy"}},
		{"probe on a plain init container", func(p *corev1.Pod) {
			p.Spec.InitContainers[0].ReadinessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"true"}}}}
		}, []string{"spec.initContainers[0].readinessProbe: must not be set for an init container unless its restartPolicy is Always (a native sidecar)"}},
		{"probe handlers and numbers", func(p *corev1.Pod) {
			c := &p.Spec.Containers[0]
			c.LivenessProbe = &corev1.Probe{SuccessThreshold: 2, PeriodSeconds: -1}
			c.ReadinessProbe.TerminationGracePeriodSeconds = ptr[int64](5)
			c.ReadinessProbe.Exec = &corev1.ExecAction{}
		}, []string{
			"spec.containers[0].livenessProbe: must specify a handler: one of exec, httpGet, tcpSocket, grpc",
			"spec.containers[0].livenessProbe.periodSeconds: must be at least 1, got -1",
			"spec.containers[0].livenessProbe.successThreshold: must be 1 for a liveness or startup probe, got 2",
			"spec.containers[0].readinessProbe: must specify exactly one handler (one of exec, httpGet, tcpSocket, grpc), got 2",
			"spec.containers[0].readinessProbe.exec.command: required: the command to run",
			"spec.containers[0].readinessProbe.terminationGracePeriodSeconds: must not be set for a readiness probe (it never kills the container)",
		}},
		{"probe ports", func(p *corev1.Pod) {
			p.Spec.Containers[0].ReadinessProbe.HTTPGet.Port = intstr.FromInt32(0)
			p.Spec.InitContainers[1].StartupProbe.TCPSocket.Port = intstr.FromString("Admin_Port")
		}, []string{
			`spec.initContainers[1].startupProbe.tcpSocket.port: invalid value "Admin_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
			"spec.containers[0].readinessProbe.httpGet.port: must be between 1 and 65535, inclusive, or a port name, got 0",
		}},
		{"requests above limits", func(p *corev1.Pod) {
			p.Spec.Containers[0].Resources.Requests["memory"] = resource.MustParse("1Gi")
		}, []string{"spec.containers[0].resources.requests[memory]: must be less than or equal to the memory limit (128Mi), got 1Gi"}},
		{"resource names and signs", func(p *corev1.Pod) {
			p.Spec.Containers[0].Resources.Limits["gpu"] = resource.MustParse("1")
			p.Spec.Containers[0].Resources.Limits["cpu"] = resource.MustParse("-1")
		}, []string{
			"spec.containers[0].resources.limits[cpu]: must be greater than or equal to 0, got -1",
			`spec.containers[0].resources.limits[gpu]: unsupported resource name "gpu": expected cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/gpu`,
			// Defaulting copied both limits to requests, as the API server would.
			"spec.containers[0].resources.requests[cpu]: must be greater than or equal to 0, got -1",
			`spec.containers[0].resources.requests[gpu]: unsupported resource name "gpu": expected cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/gpu`,
		}},
		{"dns policy and config", func(p *corev1.Pod) {
			p.Spec.DNSPolicy = "None"
			p.Spec.DNSConfig = &corev1.PodDNSConfig{Nameservers: []string{"1.1.1.1", "8.8.8.8", "9.9.9.9", "dns.local"}}
		}, []string{
			"spec.dnsConfig.nameservers: must not have more than 3 nameservers, got 4",
			`spec.dnsConfig.nameservers[3]: Invalid value: "dns.local": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
		}},
		{"dns policy None needs nameservers", func(p *corev1.Pod) { p.Spec.DNSPolicy = "None" },
			[]string{"spec.dnsPolicy: None requires spec.dnsConfig with at least one nameserver"}},
		{"dns policy None with empty nameservers", func(p *corev1.Pod) {
			p.Spec.DNSPolicy = "None"
			p.Spec.DNSConfig = &corev1.PodDNSConfig{Searches: []string{"svc.local."}}
		}, []string{"spec.dnsConfig.nameservers: required: with dnsPolicy None, dnsConfig must give at least one nameserver"}},
		{"dns policy value", func(p *corev1.Pod) { p.Spec.DNSPolicy = "Cluster" },
			[]string{`spec.dnsPolicy: unsupported value "Cluster": must be one of ClusterFirst, ClusterFirstWithHostNet, Default, None`}},
		{"host aliases", func(p *corev1.Pod) {
			p.Spec.HostAliases = []corev1.HostAlias{{IP: "10.0.0.300", Hostnames: []string{"db"}}, {IP: "10.0.0.1"}}
		}, []string{
			`spec.hostAliases[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
			"spec.hostAliases[1].hostnames: required: at least one hostname for the IP",
		}},
		{"ephemeral containers on create", func(p *corev1.Pod) {
			p.Spec.EphemeralContainers = []corev1.EphemeralContainer{{EphemeralContainerCommon: corev1.EphemeralContainerCommon{Name: "web", Image: "busybox"}}}
		}, []string{
			`spec.ephemeralContainers[0].name: duplicate name "web": already used by spec.containers[0]; container names must be unique in the pod`,
			"spec.ephemeralContainers: must not be set when creating a pod (kubectl debug adds them to a running pod)",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := validPod()
			tc.mutate(p)
			got := validate(p)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.want, "\n      "))
			}
		})
	}
}

// TestValidateReportsAllProblems checks that one input with several problems reports each.
func TestValidateReportsAllProblems(t *testing.T) {
	t.Parallel()
	p := validPod()
	p.Name = ""
	p.Spec.RestartPolicy = "Sometimes"
	p.Spec.Containers[0].Image = ""
	p.Spec.Containers[0].VolumeMounts[0].Name = "nope"
	got := validate(p)
	want := []string{
		"metadata.name: required",
		`spec.restartPolicy: unsupported value "Sometimes": must be one of Always, OnFailure, Never`,
		"spec.containers[0].image: required: the image to run",
		`spec.containers[0].volumeMounts[0].name: no volume named "nope" in spec.volumes`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

// TestValidateLocatesProblems checks lines and file paths come from the Input.
func TestValidateLocatesProblems(t *testing.T) {
	t.Parallel()
	p := validPod()
	Default(p)
	p.Spec.Containers[0].Image = ""
	in := &Input{File: "d.yaml", Pod: p, Origin: Origin{Kind: "Deployment", Path: "spec.template"},
		Lines: map[string]int{"spec.containers[0]": 12}}
	got := Validate(in).Error()
	if want := "d.yaml:12: spec.template.spec.containers[0].image: required: the image to run"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
