# Sourced by deploy/postgres.sh and deploy/mosquitto/lib.sh: servers started as root drop to their own user, which
# must be able to reach its folder. Root-owned parents with 0700/0750 (a umask of 077, a private data folder) make
# them fail with a confusing "permission denied". Grant search (x) only, never read.

# grant_parents_search <path> <user>: every parent of <path> that <user> cannot traverse gets o+x.
grant_parents_search() {
    local dir user=$2
    [[ $(id -u) -eq 0 && $user != root ]] || return 0
    dir=$(dirname -- "$1")
    while [[ $dir != / ]]; do
        if ! runuser -u "$user" -- test -x "$dir"; then
            echo "granting o+x on $dir so the $user user can reach $1" >&2
            chmod o+x -- "$dir"
        fi
        dir=$(dirname -- "$dir")
    done
}
