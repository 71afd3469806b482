/**
 * Small JavaFX controls the views and wizards share (app.common stays headless: the CLI loads it
 * without JavaFX's toolkit).
 */
package dev.quorum.app.controls;
