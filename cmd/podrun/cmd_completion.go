package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

// The bash and zsh scripts are urfave/cli v2's own (autocomplete/*_autocomplete), bound to
// podrun: the shell asks podrun itself, with --generate-bash-completion, for the candidates —
// commands, flags, and the names of the pods on the engine for get, logs, exec and down.
const bashCompletion = `# podrun bash completion: source <(podrun completion bash)
_podrun_bash_autocomplete() {
  if [[ "${COMP_WORDS[0]}" != "source" ]]; then
    local cur opts
    COMPREPLY=()
    cur="${COMP_WORDS[COMP_CWORD]}"
    if [[ "$cur" == "-"* ]]; then
      opts=$( "${COMP_WORDS[@]:0:$COMP_CWORD}" "${cur}" --generate-bash-completion 2>/dev/null )
    else
      opts=$( "${COMP_WORDS[@]:0:$COMP_CWORD}" --generate-bash-completion 2>/dev/null )
    fi
    COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
    return 0
  fi
}
complete -o bashdefault -o default -F _podrun_bash_autocomplete podrun
`

const zshCompletion = `#compdef podrun
# podrun zsh completion: source <(podrun completion zsh)
_podrun_zsh_autocomplete() {
  local -a opts
  local cur
  cur=${words[-1]}
  if [[ "$cur" == "-"* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ${cur} --generate-bash-completion 2>/dev/null)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _podrun_zsh_autocomplete podrun
`

func completionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `Prints a script that completes podrun's commands, flags and pod names in your shell.

Example:
   source <(podrun completion bash)                 # in ~/.bashrc
   source <(podrun completion zsh)                  # in ~/.zshrc, after compinit
   podrun completion fish > ~/.config/fish/completions/podrun.fish`,
		BashComplete: func(c *cli.Context) {
			fmt.Fprintln(c.App.Writer, "bash\nzsh\nfish")
		},
		Action: func(c *cli.Context) error {
			shell, err := oneArg(c, "shell (bash, zsh or fish)")
			if err != nil {
				return err
			}
			switch strings.ToLower(shell) {
			case "bash":
				_, err = fmt.Fprint(e.stdout, bashCompletion)
			case "zsh":
				_, err = fmt.Fprint(e.stdout, zshCompletion)
			case "fish":
				var script string
				script, err = c.App.ToFishCompletion()
				if err == nil {
					_, err = fmt.Fprint(e.stdout, script)
				}
			default:
				return inputError{fmt.Errorf("completion: unknown shell %q: expected bash, zsh or fish", shell)}
			}
			return err
		},
	}
}

// completePods lists the pods on the engine for a command's POD argument (shell completion):
// quietly nothing when the engine does not answer.
func completePods(e *env) cli.BashCompleteFunc {
	return func(c *cli.Context) {
		if c.NArg() > 0 {
			return
		}
		// A shell waits for this: give up quickly on an engine that does not answer.
		ctx, cancel := context.WithTimeout(c.Context, 2*time.Second)
		defer cancel()
		cli, err := connect(ctx, e)
		if err != nil {
			return
		}
		defer cli.Close()
		pods, err := listPods(ctx, cli)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, p := range pods {
			if !seen[p.Name] {
				seen[p.Name] = true
				fmt.Fprintln(c.App.Writer, p.Name)
			}
			fmt.Fprintln(c.App.Writer, p.Name+"/"+p.RunID)
		}
	}
}
