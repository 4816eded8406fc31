"""Counterparty screening against sanctions lists: normalisation, index, matcher, importers, list store."""
