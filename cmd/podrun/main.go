// Command podrun runs a Kubernetes pod, or a Flyte pod task, on a local Docker engine.
package main

import "os"

func main() {
	os.Exit(Main(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
