#!/usr/bin/env bash
# How a workflow submitted by scripts/slurm/submit.sh is doing, and what exactly to rerun when a job failed:
#
#   scripts/slurm/status.sh JOBID [--logs FOLDER]
#
# JOBID is any job id submit.sh printed (the first is simplest). The job states come from `sacct` where the
# cluster keeps accounting, else from `squeue --states=all` (slurmctld remembers finished jobs for MinJobAge);
# the stores on disk (complete shards, merged store, checkpoint, eval results) fill in what Slurm forgot.
# When a job failed (failed, cancelled, timed out, out of memory, node failure), it names the failed shard(s) and
# prints the commands that rerun only them, then the merge and what follows; a rerun resumes, it never redoes
# finished videos.
#
# Exit code: 0 every job finished; 1 something failed and nothing else is running (the rerun commands are
# printed); 3 still running or pending; 2 usage error or no such workflow.
set -euo pipefail
# Bash before 4.4 calls an empty array unbound under -u, and clusters still run 4.2 (RHEL/CentOS 7).
((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 404)) || set +u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() { echo "usage: scripts/slurm/status.sh JOBID [--logs FOLDER]   (FOLDER: submit.sh --logs, default slurm-logs)" >&2; exit 2; }
job="" logs_arg=""
while (($#)); do
  case "$1" in
    --logs) [ -n "${2:-}" ] || usage; logs_arg="$2"; shift 2 ;;
    --logs=*) logs_arg="${1#--logs=}"; shift ;;
    -h|--help) usage ;;
    *) [ -z "$job" ] || usage; job="$1"; shift ;;
  esac
done
[[ "$job" =~ ^[0-9]+(_[0-9]+)?$ ]] || usage
job="${job%%_*}"

# ------------------------------------------------------------------------------------------- the record
logs_dir="${logs_arg:-slurm-logs}"
record="$(grep -lE "^[a-z]+_job=$job\$" "$logs_dir"/workflow-*.env 2>/dev/null | head -n1 || true)"
[ -n "$record" ] || { echo "status: no workflow with job $job in $logs_dir/workflow-*.env (give submit.sh's --logs folder with --logs)" >&2; exit 2; }
submit_dir="" config="" shards="" seeds="" array="" features_output="" train_output="" logs="" vrec="" flags="" stages=""
# shellcheck disable=SC1090
source "$record"
read -r -a stage_list <<<"$stages"
declare -A jobs=()
for stage in "${stage_list[@]}"; do
  var="${stage}_job"
  jobs[$stage]="${!var}"
done
in_dir() { case "$1" in /*) echo "$1" ;; *) echo "$submit_dir/$1" ;; esac; }

# ------------------------------------------------------------------------------------------- Slurm's view
ids="$(IFS=,; echo "${jobs[*]}")"
rows="" source_name=""
if rows="$(sacct -n -P -X -j "$ids" -o JobID,JobName,State,Start,End,Reason 2>/dev/null)" && [ -n "$rows" ]; then
  source_name="sacct"
else
  rows="$(squeue -h -t all -j "$ids" -o '%i|%j|%T|%S|%e|%r' 2>/dev/null || true)"
  source_name="squeue (no accounting: finished jobs are known for MinJobAge after they end)"
fi

declare -A state=() reason=() start=() end=()
expand() { # 1-3,5%2 -> 1 2 3 5
  local part a b
  IFS=, read -r -a parts <<<"${1%%\%*}"
  for part in "${parts[@]}"; do
    if [[ "$part" == *-* ]]; then a="${part%-*}"; b="${part#*-}"; seq "$a" "$b"; else echo "$part"; fi
  done
}
while IFS='|' read -r id _ st s e r; do
  [ -n "$id" ] || continue
  st="${st%% *}" # sacct: "CANCELLED by 0"
  if [[ "$id" =~ ^([0-9]+)_\[(.*)\]$ ]]; then # pending array tasks, as a range
    for t in $(expand "${BASH_REMATCH[2]}"); do
      key="${BASH_REMATCH[1]}_$t"
      state[$key]="$st"; reason[$key]="$r"; start[$key]="$s"; end[$key]="$e"
    done
  else
    # sacct lists a requeued job once per run; the last line is the newest
    state[$id]="$st"; reason[$id]="$r"; start[$id]="$s"; end[$id]="$e"
  fi
done <<<"$rows"

kind() { # job key -> done | active | stuck | failed | unknown
  local st="${state[$1]:-}" r="${reason[$1]:-}"
  case "$st" in
    COMPLETED) echo done ;;
    PENDING) if [ "$r" = DependencyNeverSatisfied ]; then echo stuck; else echo active; fi ;;
    RUNNING | CONFIGURING | COMPLETING | REQUEUED | REQUEUE_FED | REQUEUE_HOLD | RESIZING | SUSPENDED | STAGE_OUT | SIGNALING) echo active ;;
    "") echo unknown ;;
    *) echo failed ;; # FAILED CANCELLED TIMEOUT OUT_OF_MEMORY NODE_FAIL PREEMPTED BOOT_FAIL DEADLINE SPECIAL_EXIT
  esac
}
describe() { # job key
  local st="${state[$1]:-}" r="${reason[$1]:-}"
  [ -n "$st" ] || { echo "not known to Slurm any more"; return; }
  local text="$st"
  [ -z "$r" ] || [ "$r" = None ] || [ "$r" = "(null)" ] || text="$text ($r)"
  [ "$st" != PENDING ] || { echo "$text"; return; } # its start and end are Slurm's forecast
  [ "${start[$1]:-}" = "" ] || [ "${start[$1]}" = "N/A" ] || [ "${start[$1]}" = "Unknown" ] || text="$text, started ${start[$1]}"
  [ "${end[$1]:-}" = "" ] || [ "${end[$1]}" = "N/A" ] || [ "${end[$1]}" = "Unknown" ] || [ "$st" = RUNNING ] || text="$text, ended ${end[$1]}"
  echo "$text"
}

# ------------------------------------------------------------------------------------------- the disk's view
features="$(in_dir "$features_output")"
shard_folder() { printf '%s/shards/%04d-of-%04d' "$features" "$1" "$shards"; }
lines() { if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }
on_disk() { # stage [task] -> done | partial text | nothing
  case "$1" in
    extract) if [ -f "$(shard_folder "$2")/COMPLETE" ]; then echo done; else echo "$(lines "$(shard_folder "$2")/index.jsonl") videos written"; fi ;;
    merge) if [ -f "$features/COMPLETE" ]; then echo done; else echo "not merged"; fi ;;
    train) if [ -f "$(in_dir "$train_output")/model.pt" ]; then echo done; else echo "no model.pt yet"; fi ;;
    eval) if compgen -G "$(in_dir "$train_output")/eval/results-*.json" >/dev/null; then echo done; else echo "no results"; fi ;;
    index) echo "?" ;;
    *) echo "?" ;;
  esac
}

log_of() { # stage key
  local name="vrec-$1" key="$2"
  local file
  file="$(in_dir "$logs")/$name-$key.out"
  echo "$file"
}

# ------------------------------------------------------------------------------------------- report
echo "workflow $job: $config${shards:+, $shards shards}${seeds:+, seeds $seeds}; run in $submit_dir; job states from $source_name"
cause="" failed_tasks=() active=0 stale=() finished=1
for stage in "${stage_list[@]}"; do
  id="${jobs[$stage]}"
  if [ "$stage" = extract ] || [ "$stage" = study ]; then
    # Every task of the array: the ones Slurm lists, and (extract) every shard the disk knows about.
    tasks=()
    for key in "${!state[@]}"; do [[ "$key" == "${id}_"* ]] && tasks+=("${key#"${id}"_}"); done
    if [ "$stage" = extract ]; then for t in $(seq 1 "$shards"); do tasks+=("$t"); done; fi
    mapfile -t tasks < <(printf '%s\n' "${tasks[@]}" | sort -n -u)
    stage_failed=() stage_active=0
    for t in "${tasks[@]}"; do
      key="${id}_$t"
      k="$(kind "$key")"
      label="$stage $t"
      [ "$stage" = extract ] && label="shard $t/$shards"
      [ "$stage" = study ] && { IFS=, read -r -a sl <<<"$seeds"; label="seed ${sl[t - 1]:-?}"; }
      disk=""
      if [ "$stage" = extract ]; then
        disk="$(on_disk extract "$t")"
        if [ "$disk" = done ] && [ "$k" != active ]; then
          k=done # finished here, or by a rerun after this task failed, or forgotten by Slurm: COMPLETE is final
        elif [ "$k" = unknown ]; then
          k=failed # not in this array, or forgotten by Slurm, and not complete on disk
        fi
        disk="; on disk: $([ "$disk" = done ] && echo complete || echo "$disk")"
      fi
      said="$(describe "$key")"
      if [ -z "${state[$key]:-}" ] && ! grep -qx "$t" <<<"$(expand "$array")"; then said="not part of this submission"; fi
      printf '  %-9s %-14s %s%s\n' "$stage" "$key" "$label: $said" "$disk"
      case "$k" in
        failed) stage_failed+=("$t") ;;
        active | stuck) stage_active=1 ;;
      esac
    done
    if ((${#stage_failed[@]} > 0)) && [ -z "$cause" ]; then
      cause="$stage"; failed_tasks=("${stage_failed[@]}")
      ((stage_active == 0)) || active=1
    elif [ -z "$cause" ] && ((stage_active)); then
      active=1
    fi
    ((${#stage_failed[@]} == 0 && stage_active == 0)) || finished=0
    continue
  fi
  k="$(kind "$id")"
  note=""
  if [ "$k" = failed ] || [ "$k" = unknown ] || [ "$k" = stuck ]; then
    # Its output is complete on disk (a rerun made it, or Slurm forgot the job): that stage is done.
    if [ "$(on_disk "$stage")" = done ]; then k=done; note="; on disk: done"; fi
  fi
  printf '  %-9s %-14s %s%s\n' "$stage" "$id" "$(describe "$id")" "$note"
  case "$k" in
    done) ;;
    failed | unknown) finished=0; [ -n "$cause" ] || cause="$stage" ;;
    stuck) finished=0; stale+=("$id") ;;
    active) finished=0; if [ -n "$cause" ]; then stale+=("$id"); else active=1; fi ;;
  esac
done

if ((finished)); then
  echo "finished: every job completed"
  exit 0
fi
if [ -z "$cause" ]; then
  echo "in progress: nothing has failed so far"
  exit 3
fi

# Something failed: name it, show the end of its log, print the rerun.
if [ "$cause" = extract ] || [ "$cause" = study ]; then
  for t in "${failed_tasks[@]}"; do
    key="${jobs[$cause]}_$t"
    what="shard $t/$shards"
    [ "$cause" = study ] && { IFS=, read -r -a sl <<<"$seeds"; what="seed ${sl[t - 1]:-?} (task $t)"; }
    echo "FAILED: $what, job $key: $(describe "$key")"
    log="$(log_of "$cause" "$key")"
    if [ -f "$log" ]; then echo "  last lines of $log:"; tail -n 4 "$log" | sed 's/^/    | /'; fi
  done
else
  echo "FAILED: $cause, job ${jobs[$cause]}: $(describe "${jobs[$cause]}")"
  log="$(log_of "$cause" "${jobs[$cause]}")"
  if [ -f "$log" ]; then echo "  last lines of $log:"; tail -n 4 "$log" | sed 's/^/    | /'; fi
fi
if ((active)); then
  echo "other tasks of that stage are still running or pending: once they have ended, this status prints the rerun commands"
  exit 3
fi

# The stages from the failed one on, as originally submitted.
rerun=() on=0
for stage in "${stage_list[@]}"; do
  [ "$stage" = "$cause" ] && on=1
  ((on)) && rerun+=("$stage")
done
cmd=("$here/submit.sh" "$config")
case "$cause" in
  extract) cmd+=(--shards "$shards" --only-shards "$(IFS=,; echo "${failed_tasks[*]}")" --stages "$(IFS=,; echo "${rerun[*]}")") ;;
  study)
    IFS=, read -r -a sl <<<"$seeds"
    picked=()
    for t in "${failed_tasks[@]}"; do picked+=("${sl[t - 1]}"); done
    cmd+=(--study "$seeds" --only-seeds "$(IFS=,; echo "${picked[*]}")") ;;
  aggregate) cmd+=(--study "$seeds" --stages aggregate) ;;
  *) cmd+=(--shards "$shards" --stages "$(IFS=,; echo "${rerun[*]}")") ;;
esac
eval "flag_words=($flags)"
cmd+=("${flag_words[@]}")
if [ "$cause" = extract ]; then
  echo "Rerun only $( ((${#failed_tasks[@]} == 1)) && echo "that shard" || echo "those shards"), then the merge and what follows (finished videos are not redone):"
else
  echo "Rerun from $cause on (it resumes where it stopped):"
fi
if ((${#stale[@]} > 0)); then
  echo "  scancel ${stale[*]}"
fi
word() { # one shell word, quoted only when it must be
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then printf '%s' "$1"
  elif [[ "$1" != *"'"* ]]; then printf "'%s'" "$1"
  else printf '%q' "$1"; fi
}
prefix=""
[ -z "$vrec" ] || prefix="VREC=$(word "$vrec") "
line="cd $(word "$submit_dir") && $prefix"
for w in "${cmd[@]}"; do line="$line$(word "$w") "; done
echo "  ${line% }"
exit 1
