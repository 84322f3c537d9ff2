/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

/**
 * A supervisor opens a member of the customer archive, looks at the
 * Membership tab, then opens the member's cards and activates the draft one.
 * Data is created by cs_member/tests/test_ui.py.
 */
registry.category("web_tour.tours").add("cs_member_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Service app",
            trigger: '.o_app[data-menu-xmlid="cs_member.menu_cs_root"]',
            run: "click",
        },
        {
            content: "Open the Customers menu",
            trigger: 'button[data-menu-xmlid="cs_member.menu_cs_customers"]',
            run: "click",
        },
        {
            content: "Open the customer archive",
            trigger: 'a[data-menu-xmlid="cs_member.res_partner_menu"]',
            run: "click",
        },
        {
            content: "Search the member",
            trigger: ".o_control_panel .o_searchview_input",
            run: "edit Tour Member Alice",
        },
        {
            content: "Validate the search",
            trigger: ".o_control_panel .o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Wait for the search to apply",
            trigger: '.o_searchview_facet:contains("Tour Member Alice")',
        },
        {
            content: "Open the member",
            trigger: '.o_kanban_record:contains("Tour Member Alice")',
            run: "click",
        },
        {
            content: "Open the Membership tab",
            trigger: '.o_form_view .o_notebook a.nav-link[name="cs_membership"]',
            run: "click",
        },
        {
            content: "The card history shows the draft card",
            trigger:
                '.o_notebook div[name="cs_card_ids"] .o_data_row:contains("TOUR-0001")',
        },
        {
            content: "The preferred contact time is shown",
            trigger: '.o_notebook div[name="cs_contact_window"]',
        },
        stepUtils.autoExpandMoreButtons(),
        {
            content: "Open the member cards",
            trigger: 'button[name="action_cs_view_cards"]',
            run: "click",
        },
        {
            content: "The member's cards are listed",
            trigger: '.o_breadcrumb .active:contains("Member Cards")',
        },
        {
            content: "Open the draft card",
            trigger:
                '.o_view_controller.o_list_view .o_data_row td[name="number"]:contains("TOUR-0001")',
            run: "click",
        },
        {
            content: "The card is a draft",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current[data-value="draft"]',
        },
        {
            content: "Activate the card",
            trigger: '.o_statusbar_buttons button[name="action_activate"]',
            run: "click",
        },
        {
            content: "The card is active",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current[data-value="active"]',
        },
        {
            content: "The supervisor can now suspend it",
            trigger: '.o_statusbar_buttons button[name="action_suspend"]',
        },
    ],
});
