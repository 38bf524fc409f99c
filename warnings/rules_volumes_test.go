package warnings

import "testing"

func volumeRulesCases() []ruleCase {
	vol := func(v string) string { return app("  volumes:\n  - name: v\n" + v) }
	return []ruleCase{
		{name: "emulated sources", pod: vol("    emptyDir: {medium: Memory, sizeLimit: 1Gi}\n  - name: h\n    hostPath: {path: /tmp}\n  - name: d\n    downwardAPI: {items: [{path: name, fieldRef: {fieldPath: metadata.name}}]}\n"), want: nil},
		{name: "pvc", pod: vol("    persistentVolumeClaim: {claimName: c}\n"), want: []string{"volume.persistent-volume-claim@spec.volumes[0].persistentVolumeClaim"}},
		{name: "csi", pod: vol("    csi: {driver: d}\n"), want: []string{"volume.csi@spec.volumes[0].csi"}},
		{name: "ephemeral", pod: vol("    ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce]}}}\n"), want: []string{"volume.ephemeral@spec.volumes[0].ephemeral"}},
		{name: "nfs", pod: vol("    nfs: {server: s, path: /p}\n"), want: []string{"volume.nfs@spec.volumes[0].nfs"}},
		{name: "aws", pod: vol("    awsElasticBlockStore: {volumeID: v}\n"), want: []string{"volume.aws-elastic-block-store@spec.volumes[0].awsElasticBlockStore"}},
		{name: "disk sizeLimit", pod: vol("    emptyDir: {sizeLimit: 1Gi}\n"), want: []string{"volume.empty-dir-size-limit@spec.volumes[0].emptyDir.sizeLimit"}},
		{name: "emptyDir mode", pod: vol("    emptyDir: {mode: 0755}\n"), want: []string{"volume.empty-dir-mode@spec.volumes[0].emptyDir.mode"}},
		{name: "hugepages medium", pod: vol("    emptyDir: {medium: HugePages-2Mi}\n"), want: []string{"resources.hugepages@spec.volumes[0].emptyDir.medium"}},
		{name: "file owners", pod: vol("    secret: {secretName: s, defaultUser: 1000, items: [{key: k, path: p, user: 1001}]}\n"), secs: []string{"s"},
			want: []string{"volume.file-owner@spec.volumes[0].secret.defaultUser", "volume.file-owner@spec.volumes[0].secret.items[0].user"}},
		{name: "projected owners", pod: vol("    projected: {defaultUser: 7, sources: [{downwardAPI: {items: [{path: name, user: 8, fieldRef: {fieldPath: metadata.name}}]}}]}\n"),
			want: []string{"volume.file-owner@spec.volumes[0].projected.defaultUser", "volume.file-owner@spec.volumes[0].projected.sources[0].downwardAPI.items[0].user"}},
		{name: "optional configMap absent", pod: vol("    configMap: {name: c, optional: true}\n"), want: []string{"volume.optional-source-absent@spec.volumes[0].configMap"}},
		{name: "optional configMap present", pod: vol("    configMap: {name: c, optional: true}\n"), cms: []string{"c"}, want: nil},
		{name: "required configMap absent is the loader's error", pod: vol("    configMap: {name: c}\n"), want: nil},
		{name: "projected cluster sources", pod: vol("    projected: {sources: [{serviceAccountToken: {path: t}}, {clusterTrustBundle: {signerName: s, path: b}}, {podCertificate: {signerName: s, keyType: RSA3072, credentialBundlePath: c}}]}\n"),
			want: []string{"volume.service-account-token@spec.volumes[0].projected.sources[0].serviceAccountToken", "volume.cluster-trust-bundle@spec.volumes[0].projected.sources[1].clusterTrustBundle", "volume.pod-certificate@spec.volumes[0].projected.sources[2].podCertificate"}},
		{name: "mount options", pod: appC("    volumeMounts: [{name: v, mountPath: /v, readOnly: true, recursiveReadOnly: IfPossible, bindMountOptions: [noexec]}]\n") + "  volumes: [{name: v, emptyDir: {}}]\n",
			want: []string{"volume.recursive-read-only@spec.containers[0].volumeMounts[0].recursiveReadOnly#app", "volume.bind-mount-options@spec.containers[0].volumeMounts[0].bindMountOptions#app"}},
		{name: "recursiveReadOnly Disabled", pod: appC("    volumeMounts: [{name: v, mountPath: /v, recursiveReadOnly: Disabled}]\n") + "  volumes: [{name: v, emptyDir: {}}]\n", want: nil},
		{name: "block device", pod: appC("    volumeDevices: [{name: v, devicePath: /dev/xvda}]\n"), want: []string{"volume.block-device@spec.containers[0].volumeDevices[0]#app"}},
	}
}

func envRulesCases() []ruleCase {
	return []ruleCase{
		{name: "optional key ref absent", pod: appC("    env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: k, optional: true}}}]\n"),
			want: []string{"env.optional-source-absent@spec.containers[0].env[0].valueFrom.configMapKeyRef#app"}},
		{name: "optional secret envFrom absent", pod: appC("    envFrom: [{secretRef: {name: s, optional: true}}]\n"),
			want: []string{"env.optional-source-absent@spec.containers[0].envFrom[0].secretRef#app"}},
		{name: "present sources", pod: appC("    envFrom: [{secretRef: {name: s, optional: true}}]\n    env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: k, optional: true}}}]\n"),
			cms: []string{"c"}, secs: []string{"s"}, want: nil},
		{name: "fileKeyRef", pod: appC("    env: [{name: A, valueFrom: {fileKeyRef: {volumeName: v, path: p, key: k}}}]\n"), want: []string{"env.file-key-ref@spec.containers[0].env[0].valueFrom.fileKeyRef#app"}},
		{name: "node fields", pod: appC("    env: [{name: N, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}, {name: P, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]\n"),
			want: []string{"env.node-field@spec.containers[0].env[0].valueFrom.fieldRef#app"}},
	}
}

func TestVolumeRules(t *testing.T) { runRuleCases(t, volumeRulesCases()) }

func TestEnvRules(t *testing.T) { runRuleCases(t, envRulesCases()) }
