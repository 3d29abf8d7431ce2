import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_suspension_pay", {
    url: "/my",
    steps: () => [
        {
            content: "The home says which services are suspended",
            trigger: "#support_suspension_banner:contains('Hosting Gino')",
        },
        {
            content: "Pay the invoice that suspended them",
            trigger: "#support_suspension_banner .support_suspension_invoice a.support_pay_now",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Odoo's payment opens with a payment method to choose",
            trigger: "#pay_with .o_payment_form input[name='o_payment_radio']",
        },
        {
            content: "No 'No payment method available'",
            trigger: "#pay_with:not(:contains('No payment method available'))",
        },
    ],
});
