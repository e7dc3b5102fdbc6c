{
    "name": "Network Methodology: Expertise of Materials",
    "summary": "Expertise of the network's materials by an expert group: criteria with maximum "
    "scores, experts' scores and recommendations in the portal, conflicts of interest refused, "
    "a minimum of finished expertises before approval; the yearly electronic collection of "
    "published materials (PDF, ZIP, public page)",
    "version": "18.0.1.0.0",
    "category": "Education",
    "author": "Network Methodology Team",
    "website": "https://github.com/network-methodology/network-methodology",
    "license": "LGPL-3",
    "depends": ["network_methodology"],
    "data": [
        "security/ir.model.access.csv",
        "security/network_expertise_rules.xml",
        "security/network_expertise_portal_rules.xml",
        "data/network_expertise_criterion_data.xml",
        "views/network_expertise_criterion_views.xml",
        "views/network_expertise_views.xml",
        "views/network_material_views.xml",
        "views/network_collection_views.xml",
        "report/network_collection_reports.xml",
        "views/network_kpi_report_views.xml",
        "views/res_config_settings_views.xml",
        "views/network_expertise_menus.xml",
        "views/network_expertise_portal_templates.xml",
        "views/network_collection_portal_templates.xml",
    ],
    "demo": ["demo/network_expertise_demo.xml"],
    "installable": True,
}
