#!/bin/sh
# The grader pod's situation, inside namespaces that tests/k8s/pod.test.ts made: a user
# namespace (uid 0 inside; the test writes its 65,536-uid map), mount and pid namespaces with a
# fresh /proc, the cgroup tree out of reach, then only the pod's capabilities and no_new_privs.
#   $1 = unmasked: procMount Unmasked (what the grader pod asks for)
#   $1 = masked:   what a container runtime does by default (masked paths, read-only /proc/sys)
# POD_WRAP, when set, goes before bun: the seccomp loader (tests/k8s/seccomp.test.ts), which,
# like a container runtime, installs the filter after the capabilities are set and then execs.
set -eu
until grep -q . /proc/self/gid_map; do sleep 0.02; done
# Once mapped, start again: the mapped uid 0 gets its capabilities on exec.
[ -z "${POD_MAPPED:-}" ] && POD_MAPPED=1 exec "$0" "$@"
if [ "$1" = masked ]; then
  for f in kcore keys timer_list sched_debug; do [ -e "/proc/$f" ] && mount --bind /dev/null "/proc/$f"; done
  for d in sys bus fs irq sysrq-trigger; do
    [ -e "/proc/$d" ] && mount --bind "/proc/$d" "/proc/$d" && mount -o remount,bind,ro "/proc/$d"
  done
fi
# A pod's cgroup tree is read-only: no per-job cgroups there (deploy/SANDBOX.md).
mount -t tmpfs -o ro,size=4k cgroups /sys/fs/cgroup
exec setpriv --no-new-privs --inh-caps=-all --bounding-set="-all,$POD_CAPS" -- ${POD_WRAP:-} "$POD_BUN" tests/k8s/pod-grader.ts
