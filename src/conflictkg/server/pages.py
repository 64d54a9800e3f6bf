"""Linked-data pages (placeholder)."""

from fastapi import APIRouter

router = APIRouter()
