package runner

import (
	"fmt"
	"runtime/debug"
)

// spawn runs f in the worker's group. A panic in f becomes a failure of the run: the worker
// ends the pod through its normal path — graceful stops and teardown included — instead of
// podrun dying with the pod's containers left behind.
func (w *worker) spawn(f func() error) {
	w.g.Go(func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("podrun internal error: %v\n%s", r, debug.Stack())
				w.send(report{Kind: repInternal, Ctr: -1, Err: err})
				err = nil // reported to the loop, which ends the run with it
			}
		}()
		return f()
	})
}
