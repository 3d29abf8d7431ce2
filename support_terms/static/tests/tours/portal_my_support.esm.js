import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_my_support", {
    url: "/my",
    steps: () => [
        {
            content: "Open My support from the portal home",
            trigger: "a[href='/my/support']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The plan in force is shown",
            trigger: "#support_terms_plan:contains('BASIC plan')",
        },
        {
            content: "with its hours and terms",
            trigger: "#support_terms_plan_terms:contains('Support through tickets only.')",
        },
        {
            content: "The credit balance is shown",
            trigger: "#support_terms_credit_balance:contains('10')",
        },
        {
            content: "and the pack with its expiry",
            trigger: "#support_terms_credit_packs td:contains('10')",
        },
    ],
});
