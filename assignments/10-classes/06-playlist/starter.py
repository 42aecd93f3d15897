class Song:
    """A song with a title, an artist and a length in seconds."""

    def __init__(self, title, artist, seconds):
        pass


class Playlist:
    """A named list of songs."""

    def __init__(self, name):
        pass

    def add(self, song):
        """Add song at the end of the playlist."""
        pass

    def __len__(self):
        """Return how many songs the playlist holds."""
        pass

    def total_seconds(self):
        """Return the sum of the songs' lengths."""
        pass

    def titles(self):
        """Return the songs' titles, in order."""
        pass

    def longest(self):
        """Return the longest song (the first one of equal length), or None if empty."""
        pass
