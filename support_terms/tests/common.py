from odoo import Command

from odoo.addons.support_terms_base.tests.common import SupportTermsBaseCase


class SupportTermsCase(SupportTermsBaseCase):
    """The base case with a calendar and the PREMIUM and BASIC plans.

    Everything is created here, on the real database: no demo data is assumed.
    """

    @classmethod
    def _create_products(cls):
        cls.calendar = cls._create_calendar("Mon-Fri 15-18", cls.company)
        cls.product_premium = cls._create_product("PREMIUM plan", cls.company)
        cls.product_basic = cls._create_product("BASIC plan", cls.company)
        res = super()._create_products()
        cls.plan_premium = cls._create_plan("PREMIUM", cls.product_premium, sequence=5)
        cls.plan_basic = cls._create_plan("BASIC", cls.product_basic, sequence=10)
        return res

    @classmethod
    def _create_calendar(cls, name, company, hours=((0, 1, 2, 3, 4), 15.0, 18.0)):
        days, hour_from, hour_to = hours
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "company_id": company.id,
                "tz": "Europe/Rome",
                "attendance_ids": [(5, 0, 0)]
                + [
                    Command.create(
                        {
                            "name": f"day {day}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": "afternoon",
                        }
                    )
                    for day in days
                ],
            }
        )

    @classmethod
    def _create_plan(cls, code, products, sequence=10, company=None, calendar=None):
        company = company or cls.company
        return cls.env["support.plan"].create(
            {
                "name": f"{code} plan",
                "code": code,
                "sequence": sequence,
                "company_id": company.id,
                "product_ids": [Command.set(products.ids)],
                "resource_calendar_id": (calendar or cls.calendar).id,
                "take_in_charge_hours": 4.0,
            }
        )
