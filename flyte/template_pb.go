package flyte

import (
	"fmt"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"
)

// Field numbers below are flyteidl's (core/tasks.proto, identifier.proto, interface.proto,
// literals.proto, security.proto; admin/task.proto), the table of §1.2.

// templateFromPB fills t from a binary core.TaskTemplate.
func templateFromPB(t *Task, b []byte) error {
	m, err := parseMessage(b)
	if err != nil {
		return err
	}
	if id, ok, err := m.sub(1); err != nil {
		return fmt.Errorf("id: %w", err)
	} else if ok {
		if t.ID, err = identifierFromPB(id); err != nil {
			return fmt.Errorf("id: %w", err)
		}
	}
	if t.Type, err = m.str(2); err != nil {
		return fmt.Errorf("type: %w", err)
	}
	if md, ok, err := m.sub(3); err != nil {
		return fmt.Errorf("metadata: %w", err)
	} else if ok {
		if err := metadataFromPB(&t.Metadata, md); err != nil {
			return fmt.Errorf("metadata: %w", err)
		}
	}
	if iface, ok, err := m.sub(4); err != nil {
		return fmt.Errorf("interface: %w", err)
	} else if ok {
		if t.Interface, err = interfaceFromPB(iface); err != nil {
			return fmt.Errorf("interface: %w", err)
		}
	}
	if f, ok, err := m.last(5, 2); err != nil {
		return fmt.Errorf("custom: %w", err)
	} else if ok {
		if t.Custom, err = structFromPB(f.b); err != nil {
			return fmt.Errorf("custom: %w", err)
		}
	}
	if c, ok, err := m.sub(6); err != nil {
		return fmt.Errorf("container: %w", err)
	} else if ok {
		if t.Container, err = containerFromPB(c); err != nil {
			return fmt.Errorf("container: %w", err)
		}
	}
	v, _, err := m.varint(7)
	if err != nil {
		return fmt.Errorf("task_type_version: %w", err)
	}
	t.TaskTypeVersion = int(int32(v))
	if sc, ok, err := m.sub(8); err != nil {
		return fmt.Errorf("security_context: %w", err)
	} else if ok {
		secrets, err := sc.all(2)
		if err != nil {
			return fmt.Errorf("security_context: %w", err)
		}
		t.Secrets = len(secrets)
	}
	if er, ok, err := m.sub(9); err != nil {
		return fmt.Errorf("extended_resources: %w", err)
	} else if ok {
		if sm, ok, err := er.sub(2); err != nil {
			return fmt.Errorf("extended_resources: %w", err)
		} else if ok {
			t.SharedMemory = &SharedMemory{}
			if t.SharedMemory.MountPath, err = sm.str(1); err == nil {
				if t.SharedMemory.MountName, err = sm.str(2); err == nil {
					t.SharedMemory.SizeLimit, err = sm.str(3)
				}
			}
			if err != nil {
				return fmt.Errorf("extended_resources.shared_memory: %w", err)
			}
		}
	}
	if t.Config, err = m.stringMap(16); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if p, ok, err := m.sub(17); err != nil {
		return fmt.Errorf("k8s_pod: %w", err)
	} else if ok {
		if t.K8sPod, err = k8sPodFromPB(p); err != nil {
			return fmt.Errorf("k8s_pod: %w", err)
		}
	}
	return nil
}

func identifierFromPB(m message) (Identifier, error) {
	var id Identifier
	var err error
	for num, dst := range map[int]*string{2: &id.Project, 3: &id.Domain, 4: &id.Name, 5: &id.Version} {
		if *dst, err = m.str(protoNum(num)); err != nil {
			return id, err
		}
	}
	return id, nil
}

func metadataFromPB(md *Metadata, m message) error {
	if rt, ok, err := m.sub(2); err != nil {
		return err
	} else if ok {
		if md.RuntimeVersion, err = rt.str(2); err != nil {
			return fmt.Errorf("runtime: %w", err)
		}
	}
	if d, ok, err := m.sub(4); err != nil {
		return err
	} else if ok {
		if md.Timeout, err = durationFromPB(d); err != nil {
			return fmt.Errorf("timeout: %w", err)
		}
	}
	if r, ok, err := m.sub(5); err != nil {
		return err
	} else if ok {
		n, _, err := r.varint(5)
		if err != nil {
			return fmt.Errorf("retries: %w", err)
		}
		md.Retries = int(n)
	}
	if v, ok, err := m.varint(8); err != nil {
		return fmt.Errorf("interruptible: %w", err)
	} else if ok {
		b := v != 0
		md.Interruptible = &b
	}
	var err error
	if md.PodTemplateName, err = m.str(12); err != nil {
		return fmt.Errorf("pod_template_name: %w", err)
	}
	if k, ok, err := m.sub(16); err != nil {
		return err
	} else if ok {
		if md.Labels, err = k.stringMap(1); err != nil {
			return fmt.Errorf("metadata: %w", err)
		}
		if md.Annotations, err = k.stringMap(2); err != nil {
			return fmt.Errorf("metadata: %w", err)
		}
	}
	return nil
}

// durationFromPB reads google.protobuf.Duration: seconds = 1, nanos = 2.
func durationFromPB(m message) (time.Duration, error) {
	s, _, err := m.varint(1)
	if err != nil {
		return 0, err
	}
	n, _, err := m.varint(2)
	if err != nil {
		return 0, err
	}
	return time.Duration(int64(s))*time.Second + time.Duration(int32(n)), nil
}

func interfaceFromPB(m message) (Interface, error) {
	var out Interface
	for num, dst := range map[int]*[]Variable{1: &out.Inputs, 2: &out.Outputs} {
		vm, ok, err := m.sub(protoNum(num))
		if err != nil || !ok {
			if err != nil {
				return out, err
			}
			continue
		}
		entries, err := vm.all(1)
		if err != nil {
			return out, err
		}
		for _, e := range entries {
			em, err := parseMessage(e)
			if err != nil {
				return out, err
			}
			name, err := em.str(1)
			if err != nil {
				return out, err
			}
			v := Variable{Name: name}
			if vv, ok, err := em.sub(2); err != nil {
				return out, err
			} else if ok {
				if f, ok, err := vv.last(1, 2); err != nil {
					return out, err
				} else if ok {
					if v.Type, err = decodeLiteralType(f.b); err != nil {
						return out, fmt.Errorf("variable %q: %w", name, err)
					}
				}
				if v.Description, err = vv.str(2); err != nil {
					return out, err
				}
			}
			*dst = append(*dst, v)
		}
		sortVariables(*dst)
	}
	return out, nil
}

func containerFromPB(m message) (*Container, error) {
	c := &Container{}
	var err error
	if c.Image, err = m.str(1); err != nil {
		return nil, fmt.Errorf("image: %w", err)
	}
	if c.Command, err = m.strings(2); err != nil {
		return nil, fmt.Errorf("command: %w", err)
	}
	if c.Args, err = m.strings(3); err != nil {
		return nil, fmt.Errorf("args: %w", err)
	}
	if r, ok, err := m.sub(4); err != nil {
		return nil, fmt.Errorf("resources: %w", err)
	} else if ok {
		if c.Requests, err = resourceEntriesFromPB(r, 1); err != nil {
			return nil, fmt.Errorf("resources: %w", err)
		}
		if c.Limits, err = resourceEntriesFromPB(r, 2); err != nil {
			return nil, fmt.Errorf("resources: %w", err)
		}
	}
	env, err := m.all(5)
	if err != nil {
		return nil, fmt.Errorf("env: %w", err)
	}
	for _, e := range env {
		kv, err := parseMessage(e)
		if err != nil {
			return nil, fmt.Errorf("env: %w", err)
		}
		k, err1 := kv.str(1)
		v, err2 := kv.str(2)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("env: malformed key/value pair")
		}
		c.Env = append(c.Env, KeyValue{Key: k, Value: v})
	}
	_, c.DataConfig, err = m.sub(9)
	return c, err
}

func resourceEntriesFromPB(m message, num int) ([]ResourceEntry, error) {
	raw, err := m.all(protoNum(num))
	if err != nil {
		return nil, err
	}
	var out []ResourceEntry
	for _, b := range raw {
		e, err := parseMessage(b)
		if err != nil {
			return nil, err
		}
		n, _, err := e.varint(1)
		if err != nil {
			return nil, err
		}
		v, err := e.str(2)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprint(n)
		if n < uint64(len(resourceNames)) {
			name = resourceNames[n]
		}
		out = append(out, ResourceEntry{Name: k8sResourceName(name), Value: v})
	}
	return out, nil
}

func k8sPodFromPB(m message) (*K8sPod, error) {
	k := &K8sPod{}
	if md, ok, err := m.sub(1); err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	} else if ok {
		if k.Labels, err = md.stringMap(1); err != nil {
			return nil, fmt.Errorf("metadata: %w", err)
		}
		if k.Annotations, err = md.stringMap(2); err != nil {
			return nil, fmt.Errorf("metadata: %w", err)
		}
	}
	if f, ok, err := m.last(2, 2); err != nil {
		return nil, fmt.Errorf("pod_spec: %w", err)
	} else if ok {
		if k.PodSpec, err = structFromPB(f.b); err != nil {
			return nil, fmt.Errorf("pod_spec: %w", err)
		}
	}
	var err error
	if _, k.DataConfig, err = m.sub(3); err != nil {
		return nil, fmt.Errorf("data_config: %w", err)
	}
	if k.PrimaryContainerName, err = m.str(4); err != nil {
		return nil, fmt.Errorf("primary_container_name: %w", err)
	}
	return k, nil
}

// structFromPB decodes a google.protobuf.Struct into JSON values (numbers become float64,
// exactly as the Struct holds them).
func structFromPB(b []byte) (map[string]any, error) {
	var s structpb.Struct
	if err := proto.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	return s.AsMap(), nil
}
