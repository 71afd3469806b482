/** The Certificates tab: core's certificate inventory as a table, problems first, and Renew.... */
package dev.quorum.app.certificates;
