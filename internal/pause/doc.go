// Package pause provides podrun's pause image with no registry: a tiny static Linux executable,
// written here as machine code for amd64 and arm64, packed into an image archive that the
// engine's ImageLoad accepts. Building it needs no toolchain, network or file, on any OS.
//
// The program does what the kubelet's pause does for a pod sandbox (kubelet-semantics §1): it
// holds the pod's namespaces while sleeping forever; as PID 1 of a shared PID namespace it
// leaves no zombies (SIGCHLD is ignored, so the kernel reaps every child that is handed to it);
// and it exits 0 at once on SIGTERM or SIGINT, which PID 1 would otherwise ignore.
package pause
