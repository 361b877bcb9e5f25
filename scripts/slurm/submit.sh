#!/usr/bin/env bash
# Submits the VideoRecognition batch workflow to Slurm as a chain of jobs and prints their ids:
#
#   index (vrec index) -> extract (job array, task i: vrec extract --shard i/N) -> merge (vrec extract --merge)
#     -> train (vrec train --resume) -> eval (vrec eval --checkpoint <train.output>/checkpoints/best)
#
# each waiting for the one before with --dependency=afterok. With --study SEEDS it submits the multi-seed study
# instead: an array with one task per seed (vrec study --seeds SEEDS --only <seed>) and a job that aggregates
# (vrec study --seeds SEEDS --aggregate). Run it from the folder the config's relative paths start from (the jobs
# run there); `scripts/slurm/status.sh <first job id>` says how the workflow is doing and what to rerun.
set -euo pipefail
# Bash before 4.4 calls an empty array unbound under -u, and clusters still run 4.2 (RHEL/CentOS 7).
((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 404)) || set +u

usage() {
  cat <<'EOF'
usage: scripts/slurm/submit.sh CONFIG [options]

workflow
  --shards N            extraction shards = array tasks (default 8)
  --max-parallel K      run at most K shards at once (--array=...%K)
  --stages LIST         which stages, in order (default index,extract,merge,train,eval)
  --only-shards LIST    extract only these shards, e.g. 2 or 2,5 (to rerun failed ones; implies no index)
  --study SEEDS         submit the multi-seed study instead: SEEDS like 0,1,2 (one array task per seed + aggregate)
  --only-seeds LIST     with --study: run only these seeds, then aggregate (to rerun failed ones)
  --study-out FOLDER    the study's --out (default runs/study)
  --study-inits N       with --study: train every model of each seed from N initialisations (vrec study --inits)
  --after JOBID         the first job waits for this job (afterok)
  --set KEY=VALUE       config override given to every vrec command (repeatable)
resources (every job; GPUs only for extract, train, eval and the study tasks)
  --partition NAME      default: the cluster's default partition
  --gpus N              --gres=gpu:N; default 1 when the config's device is cuda, else 0 (no --gres at all)
  --cpus N              --cpus-per-task (default 8)
  --mem SIZE            --mem (default 32G)
  --time LIMIT          --time (default 12:00:00)
  --sbatch-arg ARG      any other sbatch option for every job, e.g. --sbatch-arg=--account=abc (repeatable)
output
  --logs FOLDER         job logs and the workflow record (default slurm-logs)
  --dry-run             print the sbatch commands, submit nothing
The vrec command the jobs run is $VREC (default: this repository's ./vrec launcher).
EOF
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ALL_STAGES=(index extract merge train eval)

config="" shards=8 max_parallel="" stages="" only_shards="" study="" only_seeds="" study_out="runs/study" study_inits="" after=""
partition="" gpus="" cpus=8 mem=32G time_limit=12:00:00 logs=slurm-logs dry_run=0
sets=() sbatch_extra=()

fail() { printf 'submit: %s\n' "$*" >&2; exit 2; }
need() { [ -n "${2:-}" ] || fail "$1 needs a value"; }

while (($#)); do
  opt="$1"
  if [[ "$opt" == --*=* ]]; then set -- "${opt%%=*}" "${opt#*=}" "${@:2}"; opt="$1"; fi
  case "$opt" in
    -h|--help) usage; exit 0 ;;
    --shards) need "$1" "${2:-}"; shards="$2"; shift 2 ;;
    --max-parallel) need "$1" "${2:-}"; max_parallel="$2"; shift 2 ;;
    --stages) need "$1" "${2:-}"; stages="$2"; shift 2 ;;
    --only-shards) need "$1" "${2:-}"; only_shards="$2"; shift 2 ;;
    --study) need "$1" "${2:-}"; study="$2"; shift 2 ;;
    --only-seeds) need "$1" "${2:-}"; only_seeds="$2"; shift 2 ;;
    --study-out) need "$1" "${2:-}"; study_out="$2"; shift 2 ;;
    --study-inits) need "$1" "${2:-}"; study_inits="$2"; shift 2 ;;
    --after) need "$1" "${2:-}"; after="$2"; shift 2 ;;
    --set) need "$1" "${2:-}"; sets+=(--set "$2"); shift 2 ;;
    --partition) need "$1" "${2:-}"; partition="$2"; shift 2 ;;
    --gpus) need "$1" "${2:-}"; gpus="$2"; shift 2 ;;
    --cpus) need "$1" "${2:-}"; cpus="$2"; shift 2 ;;
    --mem) need "$1" "${2:-}"; mem="$2"; shift 2 ;;
    --time) need "$1" "${2:-}"; time_limit="$2"; shift 2 ;;
    --sbatch-arg) need "$1" "${2:-}"; sbatch_extra+=("$2"); shift 2 ;;
    --logs) need "$1" "${2:-}"; logs="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --*) fail "unknown option $1 (see --help)" ;;
    *) [ -z "$config" ] || fail "one CONFIG only (got '$config' and '$1')"; config="$1"; shift ;;
  esac
done

[ -n "$config" ] || { usage >&2; exit 2; }
[ -f "$config" ] || fail "config file '$config' not found (paths are relative to this folder, $PWD)"
is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
is_count "$shards" || fail "--shards must be a positive number (got '$shards')"
[ -z "$max_parallel" ] || is_count "$max_parallel" || fail "--max-parallel must be a positive number (got '$max_parallel')"
is_count "$cpus" || fail "--cpus must be a positive number (got '$cpus')"
[ -z "$gpus" ] || [[ "$gpus" =~ ^[0-9]+$ ]] || fail "--gpus must be 0 or more (got '$gpus')"
[ -z "$after" ] || [[ "$after" =~ ^[0-9]+(_[0-9]+)?$ ]] || fail "--after must be a job id (got '$after')"

# ------------------------------------------------------------------------------------------- the stages
if [ -n "$study" ]; then
  [[ "$study" =~ ^[0-9]+(,[0-9]+)*$ ]] || fail "--study must be seeds like 0,1,2 (got '$study')"
  [ -z "$only_shards" ] || fail "--only-shards goes with the extraction, not --study (use --only-seeds)"
  [ -z "$study_inits" ] || [[ "$study_inits" =~ ^[1-9][0-9]*$ ]] || fail "--study-inits must be a whole number from 1 (got '$study_inits')"
  case "${stages:-study,aggregate}" in
    study,aggregate) stage_list=(study aggregate) ;;
    aggregate) stage_list=(aggregate) ;;
    *) fail "with --study, --stages is study,aggregate (default) or aggregate (got $stages)" ;;
  esac
else
  [ -z "$only_seeds" ] || fail "--only-seeds goes with --study"
  [ -z "$study_inits" ] || fail "--study-inits goes with --study"
  if [ -z "$stages" ]; then
    if [ -n "$only_shards" ]; then stages="extract,merge,train,eval"; else stages="index,extract,merge,train,eval"; fi
  fi
  IFS=, read -r -a stage_list <<<"$stages"
  # Known stages, each once, in workflow order.
  position=-1
  for s in "${stage_list[@]}"; do
    found=-1
    for i in "${!ALL_STAGES[@]}"; do [ "${ALL_STAGES[i]}" = "$s" ] && found=$i; done
    ((found >= 0)) || fail "--stages: unknown stage '$s' (stages: ${ALL_STAGES[*]})"
    ((found > position)) || fail "--stages must list stages once each, in the order ${ALL_STAGES[*]} (got $stages)"
    position=$found
  done
fi

# Array task lists: all of them, or the ones asked for (checked against the whole).
array_of() { # count only-list -> e.g. 1-8 or 2,5
  local count="$1" only="$2" t
  if [ -z "$only" ]; then echo "1-$count"; return; fi
  [[ "$only" =~ ^[0-9]+(,[0-9]+)*$ ]] || fail "expected a list like 2 or 2,5 (got '$only')"
  IFS=, read -r -a picked <<<"$only"
  for t in "${picked[@]}"; do ((t >= 1 && t <= count)) || fail "task $t is not in 1..$count"; done
  echo "$only"
}
if [ -n "$study" ]; then
  IFS=, read -r -a seed_list <<<"$study"
  only_tasks=""
  if [ -n "$only_seeds" ]; then
    IFS=, read -r -a wanted <<<"$only_seeds"
    for seed in "${wanted[@]}"; do
      pos=0
      for i in "${!seed_list[@]}"; do [ "${seed_list[i]}" = "$seed" ] && pos=$((i + 1)); done
      ((pos > 0)) || fail "--only-seeds: seed $seed is not in --study $study"
      only_tasks="${only_tasks:+$only_tasks,}$pos"
    done
  fi
  array="$(array_of "${#seed_list[@]}" "$only_tasks")"
else
  array="$(array_of "$shards" "$only_shards")"
fi
[ -z "$max_parallel" ] || array="$array%$max_parallel"

# ------------------------------------------------------------------------------------------- the config
# The effective config (file + --set overrides + defaults), from vrec itself: it validates the config and, on
# first use, builds vrec here rather than in many array tasks at once.
if [ -n "${VREC:-}" ]; then vrec_given=1; else vrec_given=0; VREC="$repo/vrec"; fi
read -r -a vrec <<<"$VREC"
effective="$("${vrec[@]}" config --config "$config" "${sets[@]}")" || fail "vrec config --config $config failed (above)"
yaml_value() { # section key: one scalar of the effective config, unquoted
  awk -v sec="$1" -v key="$2" '
    /^[^ #]/ { insec = (sec == "" || $0 == sec ":") }
    insec && index($0, (sec == "" ? "" : "  ") key ": ") == 1 {
      v = substr($0, length((sec == "" ? "" : "  ") key ": ") + 1)
      if (v ~ /^'\''.*'\''$/) { v = substr(v, 2, length(v) - 2); gsub(/'\'\''/, "'\''", v) }
      else if (v ~ /^".*"$/) { v = substr(v, 2, length(v) - 2) }
      print v; exit
    }' <<<"$effective"
}
# The chain extracts from videos: a config that imports published features, or data the jobs cannot find from
# here (their working folder), would only fail once queued, perhaps after hours of extraction.
if [ -z "$study" ]; then
  import_source="$(yaml_value import source)"
  [ -z "$import_source" ] || fail "$config imports published features (import.source: $import_source), which this chain does not do; run ./vrec import-features, ./vrec train and ./vrec eval with it (README \"From the public feature files\")"
  needed=()
  case ",$stages," in *,index,* | *,extract,*) needed+=(annotations videos) ;; esac
  case ",$stages," in *,train,*) needed+=(splits) ;; esac
  for key in "${needed[@]}"; do
    path="$(yaml_value data "$key")"
    if [ ! -e "$path" ]; then
      hint=""; [ "$key" != splits ] || hint="; make one with ./vrec split (README \"ActivityNet\")"
      if ((dry_run)); then
        echo "submit: warning: data.$key '$path' does not exist (paths are relative to this folder, $PWD)$hint; a real submission is refused" >&2
      else
        fail "data.$key '$path' does not exist (paths are relative to this folder, $PWD)$hint"
      fi
    fi
  done
fi
device="$(yaml_value "" device)"
features_out="$(yaml_value features output)"
train_out="$(yaml_value train output)"
if [ -z "$gpus" ]; then
  if [ "$device" = "cuda" ]; then gpus=1; else gpus=0; fi
fi
if [ "$device" = "cuda" ] && [ "$gpus" = 0 ]; then
  echo "submit: warning: the config runs on cuda but --gpus 0 asks for no GPU; the GPU jobs will fail unless the partition gives GPUs anyway" >&2
elif [ "$device" != "cuda" ] && [ "$gpus" != 0 ]; then
  echo "submit: warning: the config runs on $device; the $gpus GPU(s) per job asked for will sit idle (set device: cuda or --gpus 0)" >&2
fi

# ------------------------------------------------------------------------------------------- submitting
mkdir -p "$logs"
common_sbatch=(--export=ALL --cpus-per-task="$cpus" --mem="$mem" --time="$time_limit")
[ -z "$partition" ] || common_sbatch+=(--partition="$partition")
common_sbatch+=("${sbatch_extra[@]}")
export VREC

word() { # one shell word, quoted only when it must be
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then printf '%s' "$1"
  elif [[ "$1" != *"'"* ]]; then printf "'%s'" "$1"
  else printf '%q' "$1"; fi
}
exec 3>&1 # --dry-run prints the sbatch commands here, while the job ids are captured
submit() { # stage gpu(0|1) array(-|spec) script args... ; prints the job id
  local stage="$1" uses_gpu="$2" arr="$3" script="$4"
  shift 4
  local cmd=(sbatch --parsable --job-name="vrec-$stage" "${common_sbatch[@]}")
  if [ "$arr" = "-" ]; then cmd+=(--output="$logs/%x-%j.out"); else cmd+=(--array="$arr" --output="$logs/%x-%A_%a.out"); fi
  if [ "$uses_gpu" = 1 ] && [ "$gpus" != 0 ]; then cmd+=(--gres="gpu:$gpus"); fi
  [ -z "$previous" ] || cmd+=(--dependency="afterok:$previous")
  cmd+=("$here/$script" "$config" "$@")
  if ((dry_run)); then
    local line="" w
    for w in "${cmd[@]}"; do line="$line$(word "$w") "; done
    echo "${line% }" >&3
    echo "<$stage>"
    return
  fi
  local out
  out="$("${cmd[@]}")" || fail "sbatch failed for the $stage job: ${cmd[*]}"
  echo "${out%%;*}"
}

previous="$after"
declare -A ids=()
for stage in "${stage_list[@]}"; do
  case "$stage" in
    index) id="$(submit index 0 - index.sbatch "${sets[@]}")" ;;
    extract) id="$(submit extract 1 "$array" extract.sbatch --shards "$shards" "${sets[@]}")" ;;
    merge) id="$(submit merge 0 - extract.sbatch --merge "${sets[@]}")" ;;
    train) id="$(submit train 1 - train.sbatch "${sets[@]}")" ;;
    eval) id="$(submit eval 1 - eval.sbatch --checkpoint "$train_out/checkpoints/best" --out "$train_out/eval" "${sets[@]}")" ;;
    study) id="$(submit study 1 "$array" study.sbatch --seeds "$study" --out "$study_out" ${study_inits:+--inits "$study_inits"} "${sets[@]}")" ;;
    aggregate) id="$(submit aggregate 0 - study.sbatch --seeds "$study" --out "$study_out" ${study_inits:+--inits "$study_inits"} --aggregate "${sets[@]}")" ;;
  esac
  ids[$stage]="$id"
  previous="$id"
  if [ "$stage" = extract ] || [ "$stage" = study ]; then echo "$stage $id (array $array)"; else echo "$stage $id"; fi
done

# The workflow record: what status.sh needs to report and to print the exact rerun commands.
first="${ids[${stage_list[0]}]}"
flags=(--gpus "$gpus" --cpus "$cpus" --mem "$mem" --time "$time_limit" --logs "$logs")
[ -z "$partition" ] || flags+=(--partition "$partition")
[ -z "$max_parallel" ] || flags+=(--max-parallel "$max_parallel")
for a in "${sbatch_extra[@]}"; do flags+=(--sbatch-arg "$a"); done
flags+=("${sets[@]}")
record="$logs/workflow-$first.env"
if ((dry_run)); then
  echo "dry run: nothing submitted"
  exit 0
fi
{
  echo "# written by scripts/slurm/submit.sh; read by scripts/slurm/status.sh"
  printf 'submit_dir=%q\n' "$PWD"
  printf 'config=%q\n' "$config"
  printf 'shards=%q\n' "$shards"
  printf 'seeds=%q\n' "$study"
  printf 'array=%q\n' "$array"
  printf 'features_output=%q\n' "$features_out"
  printf 'train_output=%q\n' "$train_out"
  printf 'logs=%q\n' "$logs"
  if ((vrec_given)); then printf 'vrec=%q\n' "$VREC"; else echo "vrec="; fi
  printf 'flags=%q\n' "$(printf '%q ' "${flags[@]}")"
  printf 'stages=%q\n' "${stage_list[*]}"
  for stage in "${stage_list[@]}"; do printf '%s_job=%q\n' "$stage" "${ids[$stage]}"; done
} >"$record"
echo "record $record"
echo "status: $here/status.sh $first --logs $(cd "$logs" && pwd)"
