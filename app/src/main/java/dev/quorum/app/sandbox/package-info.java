/** The app's side of the local sandbox: start it (a logged plan, off the UI thread) and hand back its inventory. */
package dev.quorum.app.sandbox;
