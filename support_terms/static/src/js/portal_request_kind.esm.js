import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * The new-request form shows, under the kind of request, what the customer's
 * plan says of the chosen kind and what it costs (the texts are rendered by
 * the server, one per kind).
 */
publicWidget.registry.SupportTermsRequestKind = publicWidget.Widget.extend({
    selector: "form[action='/submitted/ticket']",
    events: {"change select#category": "_onChangeKind"},

    start() {
        this._showCost();
        return this._super(...arguments);
    },

    _onChangeKind() {
        this._showCost();
    },

    _showCost() {
        const kind = this.el.querySelector("select#category")?.value;
        for (const cost of this.el.querySelectorAll("[data-support-kind]")) {
            cost.classList.toggle("d-none", cost.dataset.supportKind !== kind);
        }
    },
});
