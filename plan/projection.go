package plan

import (
	"fmt"
	"path"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// projectedFile is one file of a configMap, secret, downwardAPI or projected volume, by its
// path relative to the volume root.
type projectedFile struct {
	data []byte
	mode int32
}

// defaultFileMode is the API server's defaultMode (§0).
const defaultFileMode = 0o644

const modeSetgid = 0o2000

// modeOr is a mode as set, else def (defaultMode, or the API server's default 0644).
func modeOr(p *int32, def int32) int32 {
	if p != nil {
		return *p
	}
	return def
}

// clusterCAConfigMap is published by the cluster in every namespace and projected into the
// service-account volume (§9.8). podrun has no cluster CA: its absence must not fail a pod a
// cluster would run, so it is treated as optional.
const clusterCAConfigMap = "kube-root-ca.crt"

// configMapFiles is the kubelet's configMap payload (§9.3): every key of data and binaryData, or
// only the listed items at their paths; a missing object is an empty volume when optional; a
// listed key that is missing is an error unless optional.
func (b *builder) configMapFiles(name string, items []corev1.KeyToPath, optional *bool, defaultMode int32) (map[string]projectedFile, error) {
	cm, ok := b.in.ConfigMaps[name]
	if !ok {
		if isOptional(optional) || name == clusterCAConfigMap {
			return nil, nil
		}
		return nil, fmt.Errorf("configMap %q not found", name)
	}
	data := make(map[string][]byte, len(cm.Data)+len(cm.BinaryData))
	for k, v := range cm.Data {
		data[k] = []byte(v)
	}
	for k, v := range cm.BinaryData {
		data[k] = v
	}
	files, err := keyFiles(data, items, isOptional(optional), defaultMode)
	if err != nil {
		return nil, fmt.Errorf("configMap %q: %w", name, err)
	}
	return files, nil
}

// secretFiles is the kubelet's secret payload, by the configMap rules.
func (b *builder) secretFiles(name string, items []corev1.KeyToPath, optional *bool, defaultMode int32) (map[string]projectedFile, error) {
	s, ok := b.in.Secrets[name]
	if !ok {
		if isOptional(optional) {
			return nil, nil
		}
		return nil, fmt.Errorf("secret %q not found", name)
	}
	files, err := keyFiles(secretData(s), items, isOptional(optional), defaultMode)
	if err != nil {
		return nil, fmt.Errorf("secret %q: %w", name, err)
	}
	return files, nil
}

func keyFiles(data map[string][]byte, items []corev1.KeyToPath, optional bool, defaultMode int32) (map[string]projectedFile, error) {
	files := map[string]projectedFile{}
	if len(items) == 0 {
		for k, v := range data {
			files[k] = projectedFile{data: v, mode: defaultMode}
		}
		return files, nil
	}
	for _, it := range items {
		v, ok := data[it.Key]
		if !ok {
			if optional {
				continue
			}
			return nil, fmt.Errorf("no key %q", it.Key)
		}
		files[it.Path] = projectedFile{data: v, mode: modeOr(it.Mode, defaultMode)}
	}
	return files, nil
}

// downwardAPIFiles renders downward-API items (§7.4): metadata fields, labels and annotations
// as key="value" lines, resource values of a named container.
func (b *builder) downwardAPIFiles(items []corev1.DownwardAPIVolumeFile, defaultMode int32) (map[string]projectedFile, error) {
	files := map[string]projectedFile{}
	for _, it := range items {
		var value string
		switch {
		case it.FieldRef != nil:
			v, runtime, err := b.fieldValue(it.FieldRef.FieldPath)
			if err != nil {
				return nil, fmt.Errorf("item %q: %w", it.Path, err)
			}
			if runtime { // the API server refuses status fields in volumes
				return nil, fmt.Errorf("item %q: fieldRef %q is not available in a volume", it.Path, it.FieldRef.FieldPath)
			}
			value = v
		case it.ResourceFieldRef != nil:
			ctr := findContainer(b.pod, it.ResourceFieldRef.ContainerName)
			if ctr == nil {
				return nil, fmt.Errorf("item %q: resourceFieldRef: no container %q in the pod", it.Path, it.ResourceFieldRef.ContainerName)
			}
			v, err := b.resourceValue(it.ResourceFieldRef, ctr)
			if err != nil {
				return nil, fmt.Errorf("item %q: %w", it.Path, err)
			}
			value = v
		}
		files[it.Path] = projectedFile{data: []byte(value), mode: modeOr(it.Mode, defaultMode)}
	}
	return files, nil
}

// ServiceAccountTokenPlaceholder is what a projected serviceAccountToken file holds: there is no
// API server to issue a token, and code that only checks that the file exists goes on, while
// code that presents it to an API server learns why it fails (warnings report the departure).
const ServiceAccountTokenPlaceholder = "podrun-placeholder-token: podrun has no API server to issue a service account token\n"

// projectedFiles merges the sources of a projected volume in order; a later source's file
// replaces an earlier one at the same path. A serviceAccountToken source gets a placeholder;
// clusterTrustBundle and podCertificate sources need a cluster and are skipped (warnings report
// them).
func (b *builder) projectedFiles(p *corev1.ProjectedVolumeSource) (map[string]projectedFile, error) {
	mode := modeOr(p.DefaultMode, defaultFileMode)
	files := map[string]projectedFile{}
	for _, src := range p.Sources {
		var (
			part map[string]projectedFile
			err  error
		)
		switch {
		case src.ConfigMap != nil:
			part, err = b.configMapFiles(src.ConfigMap.Name, src.ConfigMap.Items, src.ConfigMap.Optional, mode)
		case src.Secret != nil:
			part, err = b.secretFiles(src.Secret.Name, src.Secret.Items, src.Secret.Optional, mode)
		case src.DownwardAPI != nil:
			part, err = b.downwardAPIFiles(src.DownwardAPI.Items, mode)
		case src.ServiceAccountToken != nil:
			part = map[string]projectedFile{src.ServiceAccountToken.Path: {data: []byte(ServiceAccountTokenPlaceholder), mode: mode}}
		}
		if err != nil {
			return nil, err
		}
		for k, v := range part {
			files[k] = v
		}
	}
	return files, nil
}

// The kubelet's AtomicWriter layout (§9.3): the data lives in a hidden directory, `..data`
// links to it, and every top-level entry is a link through `..data`. The kubelet names the data
// directory after a timestamp to swap it atomically on updates; podrun writes it once, so a
// fixed name keeps plans deterministic.
const (
	dataDirName  = "..podrun_data"
	dataLinkName = "..data"
	dataDirMode  = 0o755
)

// atomicLayout lays files out as the AtomicWriter does. With fsGroup, entries get that group and
// their modes widen as the kubelet's ownership change makes them for a read-only volume: files
// |= 0440, directories |= 0550 plus setgid (§9.3, §11).
func atomicLayout(files map[string]projectedFile, fsGroup *int64) []File {
	paths := sortedKeys(files)
	var out []File
	dirs := map[string]bool{}
	addDir := func(p string) {
		if !dirs[p] {
			dirs[p] = true
			out = append(out, File{Path: p, Dir: true, Mode: dataDirMode})
		}
	}
	addDir(dataDirName)
	top := map[string]bool{}
	for _, key := range paths {
		p := path.Clean(key)
		parts := strings.Split(p, "/")
		top[parts[0]] = true
		for i := 1; i < len(parts); i++ {
			addDir(path.Join(dataDirName, strings.Join(parts[:i], "/")))
		}
		f := files[key]
		out = append(out, File{Path: path.Join(dataDirName, p), Mode: int64(f.mode), Data: f.data})
	}
	out = append(out, File{Path: dataLinkName, Link: dataDirName})
	names := make([]string, 0, len(top))
	for n := range top {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, File{Path: n, Link: path.Join(dataLinkName, n)})
	}
	if fsGroup != nil {
		for i := range out {
			applyFSGroup(&out[i], *fsGroup)
		}
	}
	return out
}

func applyFSGroup(f *File, gid int64) {
	if f.Link != "" {
		return
	}
	f.GID = gid
	if f.Dir {
		f.Mode |= 0o550 | modeSetgid
		return
	}
	f.Mode |= 0o440
}
