/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {screenshot} from "@cs_member/../tests/tours/cs_tour_utils";

/**
 * The customer's side of a complaint, in whatever language the page is in:
 * triggers use the form's field names and the pages' ids, never a label.
 * The subject to type comes from the tour's test (cs_complaint/tests/test_ui_tours.py).
 */
function fillForm(subject) {
    return [
        {
            content: "Type the subject",
            trigger: "form.o_cs_complaint_form input[name=subject]",
            run: `edit ${subject}`,
        },
        {
            content: "Choose a category",
            trigger: "form.o_cs_complaint_form select[name=category_id]",
            run: "selectByIndex 1",
        },
        {
            content: "Describe what went wrong",
            trigger: "form.o_cs_complaint_form textarea[name=description]",
            run: "edit The parcel arrived broken. 包裹到货时已损坏。",
        },
        {
            content: "Say what is expected",
            trigger: "form.o_cs_complaint_form textarea[name=customer_request]",
            run: "edit A replacement",
        },
        {
            content: "Send",
            trigger: "form.o_cs_complaint_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
    ];
}

registry.category("web_tour.tours").add("cs_complaint_portal_tour", {
    url: "/my/complaints",
    steps: () => [
        {
            content: "Open the new complaint form",
            trigger: 'a[href="/my/complaints/new"]',
            run: "click",
            expectUnloadPage: true,
        },
        ...fillForm("Portal tour: broken parcel"),
        {
            content: "The complaint is registered and shown",
            trigger: "#complaint_content h3:contains(Portal tour: broken parcel)",
        },
        {
            content: "Back to my complaints",
            trigger: "#complaint_content",
            run() {
                window.location.href = "/my/complaints";
            },
            expectUnloadPage: true,
        },
        {
            content: "The list shows the new complaint",
            trigger: "table td:contains(Portal tour: broken parcel)",
        },
        ...screenshot(
            "portal_complaints",
            "table td:contains(Portal tour: broken parcel)"
        ),
    ],
});

registry.category("web_tour.tours").add("cs_complaint_public_tour", {
    url: "/complaint",
    steps: () => [
        {
            content: "Type the name",
            trigger: "form.o_cs_complaint_form input[name=contact_name]",
            run: "edit Visitor Tour",
        },
        {
            content: "Type the e-mail",
            trigger: "form.o_cs_complaint_form input[name=email]",
            run: "edit visitor.tour@example.com",
        },
        {
            content: "Type the phone",
            trigger: "form.o_cs_complaint_form input[name=phone]",
            run: "edit 13800138000",
        },
        ...fillForm("Public tour: late delivery"),
        {
            content: "The thank-you page gives the complaint's number",
            trigger: ".o_cs_complaint_number",
        },
    ],
});

/**
 * A member of another department opens the complaint routed to them from
 * their own menu (Complaints to Answer) and replies. The complaint's number
 * is given by the test (cs_complaint/tests/test_ui_tours.py).
 */
registry.category("web_tour.tours").add("cs_complaint_department_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Complaints to Answer",
            trigger:
                '.o_app[data-menu-xmlid="cs_complaint.cs_complaint_inbox_menu_root"]',
            run: "click",
        },
        ...screenshot(
            "department_inbox",
            ".o_list_view .o_data_row:contains(Department tour: scratched table)"
        ),
        {
            content: "Open the complaint routed to the department",
            trigger:
                ".o_list_view .o_data_row:contains(Department tour: scratched table) .o_data_cell[name=subject]",
            run: "click",
        },
        {
            content: "Reply for the department",
            trigger: '.o_form_view button[name="action_department_reply"]',
            run: "click",
        },
        {
            content: "Write the reply",
            trigger: '.modal div[name="body"] .odoo-editor-editable',
            run: "editor We will replace the table top on Monday.",
        },
        {
            content: "Send it",
            trigger: '.modal button[name="action_send"]',
            run: "click",
        },
        {
            content: "The reply is in the complaint's history",
            trigger:
                ".o-mail-Message:contains(We will replace the table top on Monday.)",
        },
    ],
});

/**
 * The customer accepts the solution of their complaint by signing it on
 * their portal page (the complaint is given by
 * cs_complaint/tests/test_signature.py).
 */
registry.category("web_tour.tours").add("cs_complaint_accept_tour", {
    steps: () => [
        {
            content: "The solution waits for the customer's signature",
            trigger: "#complaint_signature a.o_cs_complaint_sign",
            run: "click",
        },
        {
            content: "The customer's name is filled in",
            trigger:
                "#modal_complaint_sign .o_web_sign_name_and_signature input:value(Portal Customer A)",
        },
        {
            content: "Choose a style for the signature",
            trigger: "#modal_complaint_sign .o_web_sign_auto_select_style button",
            run: "click",
        },
        {
            content: "The fourth style",
            trigger: ".o-dropdown-item:eq(3)",
            run: "click",
        },
        {
            content: "The signature is drawn",
            trigger: "#modal_complaint_sign .o_portal_sign_submit:enabled",
        },
        {
            content: "Accept and sign",
            trigger: "#modal_complaint_sign .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The solution is accepted",
            trigger: ".o_cs_complaint_signed",
        },
        {
            content: "The signature is shown",
            trigger: "#complaint_accepted img",
        },
    ],
});
