package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// interrupts turns Ctrl-C (and SIGTERM) into two stages: the first cancels ctx with
// errInterrupted, so the pod is stopped gracefully within its grace period; the second closes
// force, so whatever still runs is killed at once. Teardown runs either way: the runner does it
// on a context that outlives both.
func interrupts(parent context.Context) (ctx context.Context, force <-chan struct{}, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	forceCh := make(chan struct{})
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() { // joined by stop
		defer close(done)
		for n := 0; n < 2; {
			select {
			case <-sigs:
				n++
				if n == 1 {
					cancel(errInterrupted)
				} else {
					close(forceCh)
				}
			case <-quit:
				return
			}
		}
	}()
	var once sync.Once
	return ctx, forceCh, func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(quit)
			<-done
			cancel(nil)
		})
	}
}
