package plan

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// pullOverride reads Options.Pull: "" or "policy" keep each container's imagePullPolicy.
func pullOverride(pull string) (PullPolicy, error) {
	switch pull {
	case "", "policy":
		return "", nil
	case "always":
		return PullAlways, nil
	case "missing":
		return PullIfNotPresent, nil
	case "never":
		return PullNever, nil
	}
	return "", fmt.Errorf("pull %q: want policy, always, missing or never", pull)
}

// pullRank orders policies by strictness: an image shared by containers is pulled as the
// strictest of them asks.
var pullRank = map[PullPolicy]int{PullNever: 0, PullIfNotPresent: 1, PullAlways: 2}

// planImages lists every image once, in the order containers first use it, with the strictest
// pull policy of the containers that run it (after the --pull override) and their names.
func planImages(specs []containerSpec, override PullPolicy) []Image {
	var images []Image
	index := map[string]int{}
	for _, s := range specs {
		policy := override
		if policy == "" {
			policy = containerPullPolicy(s.ctr)
		}
		i, ok := index[s.ctr.Image]
		if !ok {
			index[s.ctr.Image] = len(images)
			images = append(images, Image{Ref: s.ctr.Image, Policy: policy, Containers: []string{s.ctr.Name}})
			continue
		}
		img := &images[i]
		img.Containers = append(img.Containers, s.ctr.Name)
		if pullRank[policy] > pullRank[img.Policy] {
			img.Policy = policy
		}
	}
	return images
}

// containerPullPolicy is the container's imagePullPolicy, or the API server's default when unset
// (§0): Always for a ":latest" or untagged reference without a digest, else IfNotPresent.
func containerPullPolicy(c *corev1.Container) PullPolicy {
	if c.ImagePullPolicy != "" {
		return PullPolicy(c.ImagePullPolicy)
	}
	return defaultPullPolicy(c.Image)
}

func defaultPullPolicy(ref string) PullPolicy {
	if strings.Contains(ref, "@") {
		return PullIfNotPresent
	}
	name := ref[strings.LastIndex(ref, "/")+1:] // a registry's host:port is not a tag
	tag := ""
	if i := strings.LastIndex(name, ":"); i >= 0 {
		tag = name[i+1:]
	}
	if tag == "" || tag == "latest" {
		return PullAlways
	}
	return PullIfNotPresent
}
