import {registry} from "@web/core/registry";

// What support staff read at a glance, in Italian: the urgent request's
// header, the services list and the customer's form.

registry.category("web_tour.tours").add("support_terms_backend_ticket_header", {
    steps: () => [
        {
            content: "The plan of the request heads the form",
            trigger: ".o_form_view div[name='support_fact_plan']:contains('GOLD')",
        },
        {
            content: "The urgent request is visibly urgent",
            trigger: "span[name='support_urgent_badge']:contains('URGENTE')",
        },
        {
            content: "The take in charge is counted in working hours",
            trigger:
                "div[name='support_fact_take_in_charge']:contains('di orario lavorativo')",
        },
        {
            content: "The coverage says what the request costs",
            trigger:
                "div[name='support_fact_coverage']:contains('Extra'):contains('3 crediti')",
        },
        {
            content: "Take the request in charge",
            trigger: "button[name='action_take_in_charge']",
            run: "click",
        },
        {
            content: "Confirm the take in charge",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Taken in charge: no second take in charge, no countdown",
            trigger:
                ".o_form_view:not(:has(.modal)):not(:has(button[name='action_take_in_charge'])):not(:has(div[name='support_fact_take_in_charge']))",
        },
    ],
});

registry.category("web_tour.tours").add("support_terms_backend_services", {
    steps: () => [
        {
            content: "The last day to cancel and the days left are columns",
            trigger: ".o_list_view th:contains('Disdetta entro') ~ th:contains('Giorni rimasti')",
        },
        {
            content: "A service whose last day to cancel is this week is red",
            trigger: "tr.o_data_row.text-danger:contains('Hosting annuale'):contains('GOLD')",
        },
        {
            content: "Show every service, ended ones too",
            trigger: ".o_searchview_facet:contains('In vigore') .o_facet_remove",
            run: "click",
        },
        {
            content: "The ended service reads Concluso, never Attivo",
            trigger:
                "tr.o_data_row:contains('Vecchio hosting'):contains('Concluso'):not(:contains('Attivo'))",
        },
    ],
});

registry.category("web_tour.tours").add("support_terms_backend_customer", {
    steps: () => [
        {
            content: "The customer's services are suspended, and since when",
            trigger: "div[name='support_suspended_banner']:contains('Servizi sospesi dal')",
        },
        {
            content: "Its services are counted",
            trigger: "button[name='action_view_support_services']:contains('Servizi')",
        },
        {
            content: "Its credits left are counted",
            trigger: "button[name='action_view_support_credits']:contains('10')",
        },
        {
            content: "Open the support page",
            trigger: ".o_notebook .nav-link:contains('Assistenza')",
            run: "click",
        },
        {
            content: "The plan in force",
            trigger: "div[name='support_plan_id']:contains('GOLD')",
        },
        {
            content: "The late payments",
            trigger: "div[name='late_payment_count']",
        },
        {
            content: "Its services, with their status",
            trigger:
                "div[name='support_service_line_ids'] tr.o_data_row:contains('Hosting annuale'):contains('Sospeso')",
        },
    ],
});
