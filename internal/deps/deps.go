// Package deps pins the project's chosen dependencies while the packages that use them are
// written. Remove once every dependency here is imported by real code.
package deps

import (
	_ "github.com/charmbracelet/log"
	_ "github.com/containerd/errdefs"
	_ "github.com/docker/docker/pkg/stdcopy"
	_ "github.com/urfave/cli/v2"
	_ "golang.org/x/sync/errgroup"
	_ "google.golang.org/protobuf/encoding/protowire"
	_ "google.golang.org/protobuf/types/known/structpb"
	_ "k8s.io/apimachinery/pkg/api/resource"
	_ "sigs.k8s.io/json"
	_ "sigs.k8s.io/yaml"
	_ "sigs.k8s.io/yaml/goyaml.v3"
)
