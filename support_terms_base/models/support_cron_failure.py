from odoo import api, fields, models
from odoo.tools import SQL


class SupportCronFailure(models.Model):
    """A record a scheduled action could not handle, and why: set aside for
    the rest of the run, tried again after the others in the next run; the
    row goes once the record is handled or no longer due (``run_due_batch``).
    """

    _name = "support.cron.failure"
    _description = "Record a scheduled action could not handle"
    _order = "failed_at desc, id desc"
    _rec_name = "record_name"

    model = fields.Char(required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record id", model_field="model", required=True, readonly=True
    )
    # staff read which record failed, whatever its model's rights
    record_name = fields.Char(
        string="Record", compute="_compute_record_name", compute_sudo=True
    )
    company_id = fields.Many2one("res.company", index=True, readonly=True)
    action = fields.Char(string="Scheduled action", readonly=True)
    reason = fields.Text(readonly=True)
    first_failed_at = fields.Datetime(string="First failed on", readonly=True)
    failed_at = fields.Datetime(string="Last failed on", readonly=True, index=True)
    count = fields.Integer(string="Failures", readonly=True, default=1)
    run_started = fields.Datetime(
        readonly=True,
        help="The last call of the scheduled action before the run in which "
        "the record last failed: that run skips it.",
    )

    _sql_constraints = [
        (
            "model_res_id_uniq",
            "UNIQUE(model, res_id)",
            "A record has one failure row per scheduled action model.",
        )
    ]

    @api.depends("model", "res_id")
    def _compute_record_name(self):
        for failure in self:
            model, res_id = failure.model, failure.res_id
            record = model in self.env and self.env[model].browse(res_id).exists()
            failure.record_name = record.display_name if record else f"{model},{res_id}"

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    @api.model
    def _failures_of(self, model_name):
        """``{record id: run of its last failure}`` of ``model_name``."""
        query = "SELECT res_id, run_started FROM support_cron_failure WHERE model = %s"
        return dict(self.env.execute_query(SQL(query, model_name)))

    @api.model
    def _record(self, record, action, reason, run_started=None):
        # one upsert: two workers failing on the same record count twice
        now = fields.Datetime.now()
        # the record may have failed for want of the user's rights: its
        # company only files the failure
        company = record._fields.get("company_id") and record.sudo().company_id
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO support_cron_failure
                       (model, res_id, company_id, action, reason, first_failed_at,
                        failed_at, run_started, count, create_uid, create_date,
                        write_uid, write_date)
                VALUES (%(model)s, %(res_id)s, %(company)s, %(action)s,
                        %(reason)s, %(now)s, %(now)s, %(run_started)s, 1, %(uid)s,
                        %(now)s, %(uid)s, %(now)s)
                ON CONFLICT (model, res_id) DO UPDATE
                   SET action = EXCLUDED.action,
                       reason = EXCLUDED.reason,
                       failed_at = EXCLUDED.failed_at,
                       run_started = EXCLUDED.run_started,
                       count = support_cron_failure.count + 1,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                """,
                model=record._name,
                res_id=record.id,
                company=company.id if company else None,
                action=action,
                reason=reason,
                now=now,
                run_started=run_started or None,
                uid=self.env.uid,
            )
        )
        self.invalidate_model()

    @api.model
    def _forget(self, model_name, res_ids):
        if not res_ids:
            return
        query = "DELETE FROM support_cron_failure WHERE model = %s AND res_id IN %s"
        self.env.cr.execute(SQL(query, model_name, tuple(res_ids)))
        self.invalidate_model()
