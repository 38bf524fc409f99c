package flyte

import "google.golang.org/protobuf/encoding/protowire"

func protoNum(n int) protowire.Number { return protowire.Number(n) }
