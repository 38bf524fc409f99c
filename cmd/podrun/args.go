package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed moves a command's flags before its arguments, so `podrun get POD -o json` works
// as users of kubectl and docker expect: urfave/cli v2 stops reading flags at the first
// argument. A flag's value moves with it; everything after "--" stays as it is.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 || args[len(args)-1] == "--generate-bash-completion" {
		// Shell completion asks with its flag last, where urfave/cli looks for it.
		return args
	}
	var cmd *cli.Command
	globalValue := takesValue(app.Flags)
	i := 1
	for ; i < len(args); i++ {
		if !strings.HasPrefix(args[i], "-") {
			cmd = app.Command(args[i])
			break
		}
		if globalValue[strings.TrimLeft(args[i], "-")] {
			i++ // the global flag's value (podrun --host URL get POD -o json)
		}
	}
	if cmd == nil || cmd.SkipFlagParsing {
		// A command that reads its own arguments (__probe) gets them as they were given.
		return args
	}
	cmdValue := takesValue(cmd.Flags)
	var flags, positional []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		if a == "--" {
			positional = append(positional, rest[j:]...)
			break
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if cmdValue[name] && !strings.Contains(name, "=") && j+1 < len(rest) {
			j++
			flags = append(flags, rest[j])
		}
	}
	out := append([]string{}, args[:i+1]...)
	out = append(out, flags...)
	return append(out, positional...)
}

// takesValue says, for each flag name, whether the flag is followed by a value.
func takesValue(flags []cli.Flag) map[string]bool {
	m := map[string]bool{}
	for _, f := range flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			m[n] = !isBool
		}
	}
	return m
}
