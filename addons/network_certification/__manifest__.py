{
    "name": "Network Methodology: Certification",
    "summary": "Year-end certificates for teachers' activity tokens and the "
    "network platform status of organizations",
    "version": "18.0.1.0.0",
    "category": "Education",
    "author": "Network Methodology Team",
    "website": "https://github.com/network-methodology/network-methodology",
    "license": "LGPL-3",
    "depends": ["network_methodology"],
    "data": [],
    "installable": True,
}
