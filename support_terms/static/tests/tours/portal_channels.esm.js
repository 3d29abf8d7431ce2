import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_channels", {
    url: "/new/ticket",
    steps: () => [
        {
            content: "The plan does not include the portal: no form",
            trigger: "#support_terms_channel_not_in_plan:not(:has(input[name='subject']))",
        },
        {
            content: "The plan's channels are listed",
            trigger: "#support_terms_plan_channels:contains('Email')",
        },
        {
            content: "Back to My support",
            trigger: "#support_terms_channel_not_in_plan a[href='/my/support']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "My support shows the plan and its channels",
            trigger: "#support_terms_my_support #support_terms_plan_channels",
        },
    ],
});
