package warnings

import (
	"fmt"
	"strings"
)

// checkIdentity: with no API server there is no service account, no token and no registry
// secret (§9.8).
func checkIdentity(p *pass) {
	s := &p.pod.Spec
	sa, saPath := s.ServiceAccountName, "spec.serviceAccountName"
	if sa == "" && s.DeprecatedServiceAccount != "" {
		sa, saPath = s.DeprecatedServiceAccount, "spec.serviceAccount"
	}
	automount := s.AutomountServiceAccountToken
	switch {
	case automount != nil && *automount:
		p.add("identity.service-account-token", "spec.automountServiceAccountToken", "",
			tokenMessage(sa), tokenHint)
	case automount == nil && sa != "":
		p.add("identity.service-account-token", saPath, "", tokenMessage(sa), tokenHint)
	case sa != "":
		p.add("identity.service-account", saPath, "",
			fmt.Sprintf("service account %q gives the pod its API identity on a cluster; locally there is no API server (spec.serviceAccountName is still visible to the downward API)", sa), "")
	}
	if len(s.ImagePullSecrets) > 0 {
		names := make([]string, len(s.ImagePullSecrets))
		for i, r := range s.ImagePullSecrets {
			names[i] = fmt.Sprintf("%q", r.Name)
		}
		p.add("identity.image-pull-secret", "spec.imagePullSecrets", "",
			fmt.Sprintf("a cluster pulls images with %s; podrun does not use imagePullSecrets: the engine pulls with its own credentials (docker login)", secretWord(len(names))+" "+strings.Join(names, ", ")),
			"log the engine in to the registry, or load the image locally")
	}
}

const tokenHint = "code that talks to the Kubernetes API will not find credentials; mount a token yourself with a secret volume if it must"

func tokenMessage(sa string) string {
	if sa == "" {
		sa = "default"
	}
	return fmt.Sprintf("a cluster mounts a token for service account %q at /var/run/secrets/kubernetes.io/serviceaccount in every container; podrun has no API server to issue one, so the directory is absent", sa)
}

func secretWord(n int) string {
	if n == 1 {
		return "secret"
	}
	return "secrets"
}
