package podspec

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Validate checks the pod in the API server's spirit, for everything podrun relies on, and
// returns every problem found (nil when there is none). It reads in.Pod (defaults applied, as
// the API server validates after defaulting), or a defaulted copy of in.Raw when Pod is nil.
// Paths are written as in the file (Origin.FilePath) and located with in.Lines.
func Validate(in *Input) ErrorList {
	pod := in.Pod
	if pod == nil {
		if in.Raw == nil {
			return ErrorList{{File: in.File, Msg: "no pod to validate"}}
		}
		pod = in.Raw.DeepCopy()
		Default(pod)
	}
	v := &validator{in: in, pod: pod}
	v.metadata(&pod.ObjectMeta)
	v.podSpec(&pod.Spec)
	return v.errs
}

// validator collects problems by Pod path; add turns each into a located FieldError.
type validator struct {
	in   *Input
	pod  *corev1.Pod
	errs ErrorList
}

func (v *validator) add(path, msg string) {
	v.errs = append(v.errs, FieldError{File: v.in.File, Line: v.in.Line(path), Path: v.in.Origin.FilePath(path), Msg: msg})
}

func (v *validator) addf(path, format string, args ...any) { v.add(path, fmt.Sprintf(format, args...)) }

// fieldErrors adds the findings of apimachinery's validation helpers.
func (v *validator) fieldErrors(list field.ErrorList) {
	for _, e := range list {
		v.add(e.Field, e.ErrorBody())
	}
}

// messages adds the findings of a util/validation Is* helper about value at path.
func (v *validator) messages(path, value string, msgs []string) {
	for _, m := range msgs {
		v.addf(path, "invalid value %q: %s", value, m)
	}
}

// oneOf reports value unless it is one of allowed.
func (v *validator) oneOf(path, value string, allowed ...string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	if value == "" {
		v.addf(path, "required: must be one of %s", strings.Join(allowed, ", "))
		return
	}
	v.addf(path, "unsupported value %q: must be one of %s", value, strings.Join(allowed, ", "))
}

func (v *validator) metadata(m *metav1.ObjectMeta) {
	switch {
	case m.Name == "" && m.GenerateName != "":
		v.add("metadata.name", "required: podrun needs a fixed name (generateName is not supported)")
	case m.Name == "":
		v.add("metadata.name", "required")
	default:
		v.messages("metadata.name", m.Name, validation.IsDNS1123Subdomain(m.Name))
	}
	if m.Namespace != "" {
		v.messages("metadata.namespace", m.Namespace, validation.IsDNS1123Label(m.Namespace))
	}
	v.fieldErrors(metav1validation.ValidateLabels(m.Labels, field.NewPath("metadata", "labels")))
	v.fieldErrors(apivalidation.ValidateAnnotations(m.Annotations, field.NewPath("metadata", "annotations")))
}

func (v *validator) podSpec(s *corev1.PodSpec) {
	v.oneOf("spec.restartPolicy", string(s.RestartPolicy), "Always", "OnFailure", "Never")
	if g := s.TerminationGracePeriodSeconds; g != nil && *g < 0 {
		v.addf("spec.terminationGracePeriodSeconds", "must be greater than or equal to 0, got %d", *g)
	}
	if d := s.ActiveDeadlineSeconds; d != nil && *d < 1 {
		v.addf("spec.activeDeadlineSeconds", "must be at least 1, got %d", *d)
	}
	if s.Hostname != "" {
		v.messages("spec.hostname", s.Hostname, validation.IsDNS1123Label(s.Hostname))
	}
	if s.Subdomain != "" {
		v.messages("spec.subdomain", s.Subdomain, validation.IsDNS1123Label(s.Subdomain))
	}
	v.dns(s)
	v.hostAliases(s.HostAliases)
	volumes := v.volumes(s.Volumes)
	v.containers(s, volumes)
}

func (v *validator) dns(s *corev1.PodSpec) {
	v.oneOf("spec.dnsPolicy", string(s.DNSPolicy), "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None")
	c := s.DNSConfig
	if c == nil {
		if s.DNSPolicy == corev1.DNSNone {
			v.add("spec.dnsPolicy", "None requires spec.dnsConfig with at least one nameserver")
		}
		return
	}
	if s.DNSPolicy == corev1.DNSNone && len(c.Nameservers) == 0 {
		v.add("spec.dnsConfig.nameservers", "required: with dnsPolicy None, dnsConfig must give at least one nameserver")
	}
	// The API server's limits (pkg/apis/core/validation: MaxDNSNameservers, MaxDNSSearchPaths).
	if len(c.Nameservers) > 3 {
		v.addf("spec.dnsConfig.nameservers", "must not have more than 3 nameservers, got %d", len(c.Nameservers))
	}
	for i, ns := range c.Nameservers {
		v.fieldErrors(validation.IsValidIP(field.NewPath("spec", "dnsConfig", "nameservers").Index(i), ns))
	}
	if len(c.Searches) > 32 {
		v.addf("spec.dnsConfig.searches", "must not have more than 32 search paths, got %d", len(c.Searches))
	}
	for i, search := range c.Searches {
		if search == "." {
			continue
		}
		v.messages(joinIndex("spec.dnsConfig.searches", i), search, validation.IsDNS1123Subdomain(strings.TrimSuffix(search, ".")))
	}
	for i, o := range c.Options {
		if o.Name == "" {
			v.add(joinField(joinIndex("spec.dnsConfig.options", i), "name"), "required")
		}
	}
}

func (v *validator) hostAliases(aliases []corev1.HostAlias) {
	for i, a := range aliases {
		p := field.NewPath("spec", "hostAliases").Index(i)
		v.fieldErrors(validation.IsValidIP(p.Child("ip"), a.IP))
		if len(a.Hostnames) == 0 {
			v.add(p.Child("hostnames").String(), "required: at least one hostname for the IP")
		}
		for j, h := range a.Hostnames {
			v.messages(p.Child("hostnames").Index(j).String(), h, validation.IsDNS1123Subdomain(h))
		}
	}
}
