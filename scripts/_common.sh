# shellcheck shell=bash
# Shared by scripts/test and scripts/demo: source it, don't run it.
#
# Environment knobs: PYTHON (default python3), PGHOST (127.0.0.1), PGPORT
# (5432), PGUSER (default: the current user; Odoo refuses "postgres").

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ADDON=support_terms
ADDON_DIR=$REPO_ROOT/$ADDON
# every addon of the repository (directories holding a manifest)
mapfile -t OUR_ADDONS < <(cd "$REPO_ROOT" && for d in */__manifest__.py; do echo "${d%/__manifest__.py}"; done)
PYTHON=${PYTHON:-python3}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-$(id -un)}
export PGHOST PGPORT PGUSER

# Python tools the checks need. ruff and pylint-odoo are pinned to the
# versions OCA's 18.0 pre-commit config uses (oca-addons-repo-template).
TOOL_REQUIREMENTS=(
    "pytest-odoo>=2.3,<3"
    "websocket-client"
    "pylint-odoo==9.1.3"
    "ruff==0.6.8"
    "whool>=1.3"
    "freezegun"
    "holidays"
)

die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}

step() {
    echo "==> [${SECONDS}s] $*"
}

# a. Odoo 18.0 importable and PostgreSQL answering; sets ODOO_CMD.
check_prerequisites() {
    "$PYTHON" -c 'import sys, odoo.release as r; sys.exit(r.serie != "18.0")' \
        >/dev/null 2>&1 ||
        die "$PYTHON cannot import Odoo 18.0 (import odoo.release; serie == \"18.0\" failed)"
    if command -v pg_isready >/dev/null; then
        pg_isready -q -h "$PGHOST" -p "$PGPORT" ||
            die "PostgreSQL does not answer on $PGHOST:$PGPORT (pg_isready)"
    else
        "$PYTHON" -c 'import os, psycopg2; psycopg2.connect(host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"], dbname="postgres", connect_timeout=5).close()' \
            >/dev/null 2>&1 ||
            die "PostgreSQL does not answer on $PGHOST:$PGPORT (psycopg2)"
    fi
    command -v psql >/dev/null || die "psql (PostgreSQL client) is not on PATH"
    if "$PYTHON" -c 'import importlib.util as u, sys; sys.exit(u.find_spec("odoo.__main__") is None)' 2>/dev/null; then
        ODOO_CMD=("$PYTHON" -m odoo)
    elif command -v odoo >/dev/null; then
        ODOO_CMD=(odoo)
    else
        die "neither '$PYTHON -m odoo' nor an 'odoo' command is available"
    fi
}

# pip install -q with setuptools<81 as an extra constraint (needed for some
# sdist builds on this machine), keeping any PIP_CONSTRAINT already set.
pip_install() {
    local cfile errfile rc=0
    cfile=$(mktemp)
    errfile=$(mktemp)
    echo 'setuptools<81' >"$cfile"
    PIP_CONSTRAINT="${PIP_CONSTRAINT:+$PIP_CONSTRAINT }$cfile" \
        "$PYTHON" -m pip install -q --disable-pip-version-check \
        --root-user-action=ignore "$@" 2>"$errfile" || rc=$?
    # drop the noise of this machine's pip config (missing local index dirs)
    grep -v "^WARNING: Location '.*' is ignored" "$errfile" >&2 || true
    rm -f "$cfile" "$errfile"
    return $rc
}

# Print the requirements (args) that are not installed in a matching version.
missing_requirements() {
    "$PYTHON" - "$@" <<'EOF'
import sys
from importlib.metadata import PackageNotFoundError, version

try:
    from packaging.requirements import Requirement
except ImportError:
    from pip._vendor.packaging.requirements import Requirement

for arg in sys.argv[1:]:
    req = Requirement(arg)
    if req.marker and not req.marker.evaluate():
        continue
    try:
        installed = version(req.name)
    except PackageNotFoundError:
        print(arg)
        continue
    if req.specifier and not req.specifier.contains(installed, prereleases=True):
        print(arg)
EOF
}

ensure_python_packages() {
    local missing
    mapfile -t missing < <(missing_requirements "$@")
    if ((${#missing[@]})); then
        step "pip install ${missing[*]}"
        pip_install "${missing[@]}" || die "pip install failed: ${missing[*]}"
    fi
}

ensure_tools() {
    ensure_python_packages "${TOOL_REQUIREMENTS[@]}"
}

# The addon must be imported from the working tree. A copy installed in
# site-packages (pip install ./support_terms) comes first in odoo.addons'
# __path__ whatever --addons-path says, so remove it. Then install the
# addon's dependencies (from its manifest, as whool computes them) without
# installing the addon itself.
ensure_addon_dependencies() {
    [[ -f $ADDON_DIR/__manifest__.py ]] || die "$ADDON_DIR/__manifest__.py not found"
    local addon
    for addon in "${OUR_ADDONS[@]}"; do
        if "$PYTHON" -c "import importlib.metadata as m; m.distribution('odoo-addon-$addon')" 2>/dev/null; then
            step "pip uninstall odoo-addon-$addon (an installed copy would shadow $REPO_ROOT/$addon)"
            "$PYTHON" -m pip uninstall -q -y "odoo-addon-$addon" ||
                die "cannot uninstall odoo-addon-$addon"
        fi
    done
    ensure_python_packages "whool>=1.3"
    local deps
    # whool's own metadata code (manifestoo_core); version "none" so that it
    # also works in an uncommitted repository. Odoo itself is excluded: it is
    # installed by hand and checked by check_prerequisites; so are the addons
    # of this repository, loaded from the working tree.
    mapfile -t deps < <("$PYTHON" - "$REPO_ROOT" "${OUR_ADDONS[@]}" <<'EOF'
import sys
from pathlib import Path

from manifestoo_core.metadata import metadata_from_addon_dir

try:
    from packaging.requirements import Requirement
except ImportError:
    from pip._vendor.packaging.requirements import Requirement

root, ours = Path(sys.argv[1]), sys.argv[2:]
skip = {"odoo"} | {f"odoo-addon-{name}".replace("_", "-") for name in ours}
found = set()
for name in ours:
    meta = metadata_from_addon_dir(
        root / name, {"post_version_strategy_override": "none"}
    )
    for dep in meta.get_all("Requires-Dist") or []:
        if Requirement(dep).name.lower().replace("_", "-") not in skip:
            found.add(dep)
print("\n".join(sorted(found)))
EOF
    ) || die "cannot read the dependencies of the addons' manifests"
    ((${#deps[@]})) && ensure_python_packages "${deps[@]}"
    return 0
}

# Google Chrome/Chromium for Odoo's browser tests (HttpCase.browser_js, tours).
ensure_chromium() {
    local bin
    for bin in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$bin" >/dev/null && return 0
    done
    step "apt-get install chromium"
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || die "chromium is missing and installing it needs root"
        sudo=(sudo -n)
    fi
    if ! "${sudo[@]}" apt-get update -qq >/dev/null ||
        ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
            chromium >/dev/null; then
        die "apt-get install chromium failed"
    fi
    command -v chromium >/dev/null || die "chromium still not on PATH after apt-get"
}

# Comma-separated addons path: the repository root first, then every
# directory holding Odoo's own and the pip-installed addons (found from the
# odoo package: odoo.addons.__path__ plus <odoo source root>/addons).
compute_addons_path() {
    ADDONS_PATH=$("$PYTHON" - "$REPO_ROOT" <<'EOF'
import os
import sys

import odoo
import odoo.addons

root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
candidates = [sys.argv[1], *odoo.addons.__path__, os.path.join(root, "addons")]
paths = []
for path in map(os.path.realpath, candidates):
    if path in paths or not os.path.isdir(path):
        continue
    if any(
        os.path.isfile(os.path.join(path, name, "__manifest__.py"))
        for name in os.listdir(path)
    ):
        paths.append(path)
print(",".join(paths))
EOF
    ) || die "cannot compute the addons path"
}

# Fail unless Odoo, with ADDONS_PATH, resolves the addon to the working tree.
check_addon_location() {
    local found
    found=$("$PYTHON" - "$ADDONS_PATH" "$ADDON" 2>/dev/null <<'EOF'
import sys

from odoo.modules.module import get_module_path
from odoo.tools import config

config.parse_config(["--addons-path", sys.argv[1]])
print(get_module_path(sys.argv[2], display_warning=False) or "")
EOF
    ) || die "cannot ask Odoo where $ADDON is"
    [[ -n $found && $(realpath "$found") == "$(realpath "$ADDON_DIR")" ]] ||
        die "Odoo would load $ADDON from '${found:-nowhere}', not from $ADDON_DIR"
}

# write_odoo_conf FILE DB DATA_DIR
write_odoo_conf() {
    cat >"$1" <<EOF
[options]
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_name = $2
dbfilter = ^$2\$
list_db = False
data_dir = $3
addons_path = $ADDONS_PATH
http_interface = 127.0.0.1
EOF
}

drop_database() {
    psql -X -q -d postgres -v ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1
}

# install_addon CONF DB LOGFILE [extra odoo options]: fresh database with the
# addon and demo data. Odoo may exit 0 after a failed install, so the log and
# the module's state are checked too. WARNING lines are shown, not fatal.
# INSTALL_ALSO (comma separated) names addons installed in the same run.
install_addon() {
    local conf=$1 db=$2 log=$3
    shift 3
    local rc=0 state name pattern='^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |^Traceback'
    "${ODOO_CMD[@]}" -c "$conf" -d "$db" -i "$ADDON${INSTALL_ALSO:+,$INSTALL_ALSO}" \
        --stop-after-init --no-http --logfile "$log" "$@" 2>"$log.stderr" || rc=$?
    if ((rc)) || grep -qE "$pattern" "$log"; then
        grep -v "security risk" "$log.stderr" >&2 || true
        grep -E -A25 "$pattern" "$log" | head -80 >&2
        die "installing $ADDON failed (exit $rc); full log: $log"
    fi
    local also=${INSTALL_ALSO:-}
    for name in $ADDON ${also//,/ }; do
        state=$(psql -X -At -d "$db" \
            -c "SELECT state FROM ir_module_module WHERE name = '$name'" 2>&1) || true
        [[ $state == installed ]] ||
            die "$name is '$state', not 'installed', in $db after install; log: $log"
    done
    if grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ WARNING ' "$log"; then
        echo "warnings while installing $ADDON (not fatal):" >&2
        grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ WARNING ' "$log" | cut -c1-300 >&2
    fi
    return 0
}

# DEMO_ADDONS: what an Italian provider installs, beside support_terms: the
# Italian law, chat, and Odoo's demo payment provider so that "Pay now" works
DEMO_ADDONS=support_terms_l10n_it,support_terms_livechat,payment_demo

# build_demo_database CONF DB LOGFILE: the Italian demo database, from
# scratch. The company is in Italy and speaks Italian before the first addon
# is installed (as when created from Odoo's database manager with country
# Italy and language Italian), so installing accounting loads Italy's chart
# (EUR, 22% IVA); then support_terms and DEMO_ADDONS with demo data; then
# scripts/demo_db.py gives the provider its identity and puts OCA's demo
# helpdesk away.
build_demo_database() {
    local conf=$1 db=$2 log=$3
    # Odoo installs its Peppol e-invoicing by itself in European companies,
    # and it needs phonenumbers (not in Odoo's requirements.txt)
    ensure_python_packages phonenumbers
    drop_database "$db" || die "cannot drop database $db (is it in use?)"
    rm -f "$log" "$log".*
    "$PYTHON" "$REPO_ROOT/scripts/demo_db.py" create "$conf" "$db" >"$log.create" 2>&1 ||
        { tail -30 "$log.create" >&2; die "cannot create the Italian database $db; log: $log.create"; }
    # Invoicing first, in its own run: Odoo loads the company's chart of
    # accounts once every module of a run is loaded, and our demo data
    # invoices customers, which needs the chart's journals and taxes
    ADDON=account INSTALL_ALSO='' install_addon "$conf" "$db" "$log.account"
    INSTALL_ALSO=$DEMO_ADDONS install_addon "$conf" "$db" "$log"
    "$PYTHON" "$REPO_ROOT/scripts/demo_db.py" finish "$conf" "$db" >"$log.finish" 2>&1 ||
        { tail -30 "$log.finish" >&2; die "cannot finish the Italian demo in $db; log: $log.finish"; }
}

# The portal logins of the demo (support_terms/demo/support_terms_demo.xml),
# one a line, with the situation each one shows.
demo_portal_logins() {
    cat <<'EOT'
    luigi@trattoriadagino.example / luigi   an urgent request (site down) with its
                                            deadline; an extra paid with credits
    anna@studioferri.example / anna         services suspended for an overdue invoice
                                            ("Pay now"); a quotation to sign; a
                                            request about to close by itself
    chiara@boutiquemarina.example / chiara  the Hyper plan: requests included, a
                                            request answered with hints only
    elena@otticavisconti.example / elena    a cancellation received too late (the
                                            hosting renews once more); an urgency
                                            judged unjustified, charged
    paolo@bassi.example / paolo             a service that has ended; a request
                                            without a plan, to assess
    giorgio@fornobruno.example / giorgio    a service cancelled the day after its
                                            purchase, refunded by a credit note
    emma@ilpoggio.example / emma            in English: a service not started yet
EOT
}
