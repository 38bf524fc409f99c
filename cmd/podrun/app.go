package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/log"
	"github.com/moby/term"
	"github.com/muesli/termenv"
	"github.com/urfave/cli/v2"
)

// version is set at build time (-ldflags "-X main.version=…").
var version = "dev"

// env is what every command reads and writes: the process's streams and podrun's voice.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *log.Logger
	// color is true when stdout is a terminal and NO_COLOR is unset.
	color bool
	// engine holds the global --host and --context flags.
	engine engineFlags
}

// Main runs podrun with args and returns the process exit code. It is main without os.Exit, so
// tests can call it with buffers.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		log:    newLogger(stderr),
		color:  isTerminal(stdout) && os.Getenv("NO_COLOR") == "",
	}
	app := newApp(e)
	err := app.RunContext(context.Background(), interspersed(app, args))
	code := exitCode(err)
	var res podResult
	if err != nil && !errors.As(err, &res) && !errors.Is(err, errInterrupted) {
		e.log.Error(err.Error())
	}
	return code
}

func newApp(e *env) *cli.App {
	return &cli.App{
		Name:                 "podrun",
		Usage:                "run a Kubernetes pod (or a Flyte pod task) on the local Docker engine",
		Version:              version,
		Reader:               e.stdin,
		Writer:               e.stdout,
		ErrWriter:            e.stderr,
		EnableBashCompletion: true,
		HideHelpCommand:      true,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "host", Aliases: []string{"H"}, Usage: "the Docker engine to use (`URL`: unix://, tcp://, ssh://user@host); default DOCKER_HOST, then the docker context"},
			&cli.StringFlag{Name: "context", Aliases: []string{"c"}, Usage: "the docker `CONTEXT` to use (see docker context ls); default DOCKER_CONTEXT, then `docker context use`"},
		},
		Before: func(c *cli.Context) error {
			e.engine = engineFlags{host: c.String("host"), context: c.String("context")}
			return nil
		},
		// Errors are reported by Main, once, and mapped to exit codes in exit.go.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return inputError{err}
		},
		Commands: []*cli.Command{
			runCommand(e),
			checkCommand(e),
			renderCommand(e),
			composeCommand(e),
			getCommand(e),
			psCommand(e),
			logsCommand(e),
			execCommand(e),
			downCommand(e),
			gcCommand(e),
			versionCommand(e),
			completionCommand(e),
			ownerCommand(e),
			probeCommand(e),
		},
	}
}

// newLogger is podrun's own voice: stderr, through charmbracelet/log.
func newLogger(w io.Writer) *log.Logger {
	// The colour profile is decided here, not by the terminal's answers: given the terminal
	// itself, the renderer queries it (OSC 10/11 and a cursor report), which shows as garbage
	// in some terminals and in `script` logs. Colour only on a terminal, never with NO_COLOR.
	l := log.NewWithOptions(struct{ io.Writer }{w}, log.Options{Prefix: "podrun"})
	if isTerminal(w) && os.Getenv("NO_COLOR") == "" {
		l.SetColorProfile(termenv.ANSI)
	} else {
		l.SetColorProfile(termenv.Ascii)
	}
	if os.Getenv("PODRUN_DEBUG") != "" {
		l.SetLevel(log.DebugLevel)
		l.SetReportTimestamp(true)
		l.SetTimeFormat("15:04:05.000")
	}
	return l
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// argN returns the command's single FILE argument, or an input error.
func oneArg(c *cli.Context, what string) (string, error) {
	if c.NArg() != 1 {
		return "", inputError{fmt.Errorf("%s: expected one %s, got %d arguments (see podrun %s --help)", c.Command.Name, what, c.NArg(), c.Command.Name)}
	}
	return c.Args().First(), nil
}

// terminalWidth is the terminal's width in columns (80 when it cannot be told).
func terminalWidth(w any) int {
	if f, ok := w.(*os.File); ok {
		if ws, err := term.GetWinsize(f.Fd()); err == nil && ws.Width > 0 {
			return int(ws.Width)
		}
	}
	return 80
}
