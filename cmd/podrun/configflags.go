package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
	"sigs.k8s.io/yaml"

	"github.com/podrun/podrun/podspec"
)

// ConfigMaps and Secrets given outside the manifest (issue 5 point 6), as kubectl creates them:
//
//	--configmap NAME=[KEY=]PATH    kubectl create configmap NAME --from-file=[KEY=]PATH
//	                               (a directory: one key per regular file)
//	--configmap-env NAME=FILE      kubectl create configmap NAME --from-env-file=FILE
//	--configmap-literal NAME=K=V   kubectl create configmap NAME --from-literal=K=V
//	--secret, --secret-env, --secret-literal: the same for kubectl create secret generic NAME
//	--configmap FILE, --secret FILE: the ConfigMap and Secret objects of a YAML or JSON file
//
// Flags that name the same object add keys to it, as several --from-* flags of one kubectl
// create do. The pure part is podspec.External; this file reads the files.

const (
	flagConfigMap, flagConfigMapEnv, flagConfigMapLiteral = "configmap", "configmap-env", "configmap-literal"
	flagSecret, flagSecretEnv, flagSecretLiteral          = "secret", "secret-env", "secret-literal"
)

// configFlags are the values of those flags, as given.
type configFlags struct {
	configMaps, configMapEnvs, configMapLiterals []string
	secrets, secretEnvs, secretLiterals          []string
}

// repeated is a repeatable flag's values, one per occurrence: unlike cli.StringSliceFlag it
// never splits a value at commas, which a literal or a path may hold.
type repeated []string

func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }
func (r *repeated) String() string     { return strings.Join(*r, " ") }

// configFlagDefs are the flags; run, check and render take them (and a detached run's owner).
func configFlagDefs() []cli.Flag {
	const cat = "ConfigMaps and Secrets (as kubectl create makes them)"
	flag := func(name, usage string) cli.Flag {
		return &cli.GenericFlag{Name: name, Value: &repeated{}, Usage: usage + "; repeatable", Category: cat}
	}
	return []cli.Flag{
		flag(flagConfigMap, "ConfigMap `NAME=[KEY=]PATH`: a file under KEY (default: its base name), or a directory's regular files each under its own name; or a YAML/JSON FILE of ConfigMaps and Secrets"),
		flag(flagConfigMapEnv, "ConfigMap `NAME=FILE` from an env file: KEY=VALUE lines (# comments; a KEY alone takes podrun's environment value)"),
		flag(flagConfigMapLiteral, "ConfigMap `NAME=KEY=VALUE`"),
		flag(flagSecret, "Secret `NAME=[KEY=]PATH` (type Opaque), as --configmap; or a YAML/JSON FILE of ConfigMaps and Secrets"),
		flag(flagSecretEnv, "Secret `NAME=FILE` from an env file, as --configmap-env"),
		flag(flagSecretLiteral, "Secret `NAME=KEY=VALUE`"),
	}
}

func readConfigFlags(c *cli.Context) configFlags {
	get := func(name string) []string {
		if r, ok := c.Generic(name).(*repeated); ok && r != nil {
			return *r
		}
		return nil
	}
	return configFlags{
		configMaps: get(flagConfigMap), configMapEnvs: get(flagConfigMapEnv), configMapLiterals: get(flagConfigMapLiteral),
		secrets: get(flagSecret), secretEnvs: get(flagSecretEnv), secretLiterals: get(flagSecretLiteral),
	}
}

func (cf configFlags) empty() bool {
	return len(cf.configMaps)+len(cf.configMapEnvs)+len(cf.configMapLiterals)+
		len(cf.secrets)+len(cf.secretEnvs)+len(cf.secretLiterals) == 0
}

// loadWithConfig is loadSource with the flags' ConfigMaps and Secrets joined to the input, as
// if the manifest held them.
func loadWithConfig(name string, stdin io.Reader, ff flyteFlags, cf configFlags, purpose loadPurpose) (*source, error) {
	x, err := cf.external()
	if err != nil {
		return nil, inputError{err}
	}
	src, err := loadSource(name, stdin, ff, purpose)
	if err != nil {
		return nil, err
	}
	if err := podspec.Join(src.in, x); err != nil {
		return nil, inputError{err}
	}
	return src, nil
}

// external reads every source the flags name, in flag order within each flag.
func (cf configFlags) external() (*podspec.External, error) {
	x := podspec.NewExternal()
	if cf.empty() {
		return x, nil
	}
	for _, kind := range []struct {
		kind                   podspec.DataKind
		flag, envFlag, litFlag string
		files, envs, literals  []string
	}{
		{podspec.KindConfigMap, flagConfigMap, flagConfigMapEnv, flagConfigMapLiteral, cf.configMaps, cf.configMapEnvs, cf.configMapLiterals},
		{podspec.KindSecret, flagSecret, flagSecretEnv, flagSecretLiteral, cf.secrets, cf.secretEnvs, cf.secretLiterals},
	} {
		for _, v := range kind.files {
			if err := addFileSource(x, kind.kind, "--"+kind.flag, v); err != nil {
				return nil, err
			}
		}
		for _, v := range kind.envs {
			from := "--" + kind.envFlag + " " + v
			name, file, ok := strings.Cut(v, "=")
			if !ok || file == "" {
				return nil, fmt.Errorf("%s: expected NAME=FILE", from)
			}
			data, err := readSourceFile(file)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", from, err)
			}
			if err := x.AddEnvFile(kind.kind, name, file, data, os.Getenv, from); err != nil {
				return nil, err
			}
		}
		for _, v := range kind.literals {
			from := "--" + kind.litFlag + " " + v
			name, lit, ok := strings.Cut(v, "=")
			if !ok {
				return nil, fmt.Errorf("%s: expected NAME=KEY=VALUE", from)
			}
			key, value, err := podspec.ParseLiteralSource(lit)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", from, err)
			}
			if err := x.AddLiteral(kind.kind, name, key, value, from); err != nil {
				return nil, err
			}
		}
	}
	return x, nil
}

// addFileSource reads one --configmap or --secret value: NAME=[KEY=]PATH (kubectl's
// --from-file, handleConfigMapFromFileSources), or a manifest FILE of objects.
func addFileSource(x *podspec.External, kind podspec.DataKind, flag, v string) error {
	from := flag + " " + v
	name, source, ok := strings.Cut(v, "=")
	if !ok {
		info, err := os.Stat(v)
		if err == nil && info.IsDir() {
			return fmt.Errorf("%s: a directory needs the %s's name: %s NAME=%s", from, kind, flag, v)
		}
		data, err := readSourceFile(v)
		if err != nil {
			return fmt.Errorf("%s: %w", from, err)
		}
		if err := x.AddManifest(v, data); err != nil {
			// Flattened: each problem names its own file and line, which a report about the
			// pod's FILE would otherwise take for its own.
			return errors.New(err.Error())
		}
		return nil
	}
	key, path, err := podspec.ParseFileSource(source)
	if err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s: error reading %s: %w", from, path, unwrapPath(err))
	}
	if !info.IsDir() {
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("%s: %w", from, err)
		}
		return x.AddFile(kind, name, key, data, from)
	}
	if strings.Contains(source, "=") {
		return fmt.Errorf("%s: cannot give a key name for a directory path", from)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return fmt.Errorf("%s: error listing files in %s: %w", from, path, unwrapPath(err))
	}
	var files []podspec.DirEntry
	for _, e := range entries {
		f := podspec.DirEntry{Name: e.Name(), Regular: e.Type().IsRegular()}
		if f.Regular {
			if f.Data, err = os.ReadFile(filepath.Join(path, e.Name())); err != nil {
				return fmt.Errorf("%s: %w", from, err)
			}
		}
		files = append(files, f)
	}
	return x.AddDir(kind, name, files, from)
}

// readSourceFile reads a file that must not be a directory (an env file, a manifest).
func readSourceFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("error reading %s: %w", path, unwrapPath(err))
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s is a directory: expected a file", path)
	}
	return os.ReadFile(path)
}

// unwrapPath drops the *fs.PathError around err, as kubectl's messages do ("error reading
// x: no such file or directory").
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ownerArgs writes the flags' objects into dir (a detached run's state directory) and returns
// the owner's flags that read them back: the owner then sees exactly what was checked here,
// even once the source files have changed or gone, and no literal value sits in its argv.
func (cf configFlags) ownerArgs(dir, runID string) ([]string, error) {
	if cf.empty() {
		return nil, nil
	}
	x, err := cf.external()
	if err != nil {
		return nil, err
	}
	var docs []string
	for _, n := range x.ConfigMapNames() {
		out, err := yaml.Marshal(x.ConfigMap(n))
		if err != nil {
			return nil, err
		}
		docs = append(docs, string(out))
	}
	for _, n := range x.SecretNames() {
		out, err := yaml.Marshal(x.Secret(n))
		if err != nil {
			return nil, err
		}
		docs = append(docs, string(out))
	}
	path := filepath.Join(dir, runID+".objects.yaml")
	if err := os.WriteFile(path, []byte(strings.Join(docs, "---\n")), 0o600); err != nil {
		return nil, err
	}
	return []string{"--" + flagConfigMap, path}, nil
}

// removeOwnerObjects removes, when a detached run's owner ends, the objects file its parent
// wrote (ownerArgs).
func removeOwnerObjects(c *cli.Context) {
	for _, p := range readConfigFlags(c).configMaps {
		if strings.HasSuffix(p, ".objects.yaml") && filepath.Dir(p) == stateDir() {
			_ = os.Remove(p)
		}
	}
}
