# Checks of the Italian demo database built by scripts/demo (and by a stage
# of scripts/test): not a ``tests`` package, so that Odoo's runner never
# collects them on the US test database, where they do not apply.
