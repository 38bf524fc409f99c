//go:build integration

package integration

import (
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/network"
)

func networkListOptions(f filters.Args) network.ListOptions { return network.ListOptions{Filters: f} }
